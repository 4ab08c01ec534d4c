<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name></name>
    <message>
        <source>About stretchtimer</source>
        <translation>Über stretchtimer</translation>
    </message>
    <message>
        <source>Hourly stretch breaks that talk you through a short routine. Stretch to mild tension only, and stop if you feel tingling, numbness or sharp pain.</source>
        <translation>Stündliche Dehnpausen, durch die dich eine Stimme führt. Dehne nur bis zu einer leichten Spannung und hör auf, wenn du Kribbeln, Taubheit oder stechenden Schmerz spürst.</translation>
    </message>
    <message>
        <source>stretchtimer is free software: you may share and change it under the GNU General Public License, version 3 or later. It uses Qt for Python (PySide6, LGPL-3.0) and speaks through espeak-ng (GPL-3.0) or your system&apos;s voices.</source>
        <translation>stretchtimer ist freie Software: Du darfst es unter der GNU General Public License, Version 3 oder später, weitergeben und verändern. Es nutzt Qt for Python (PySide6, LGPL-3.0) und spricht mit espeak-ng (GPL-3.0) oder den Stimmen deines Systems.</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>&amp;Copy diagnostics</source>
        <translation>Diagnose &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy these details to the clipboard for a bug report</source>
        <translation>Diese Angaben für einen Fehlerbericht in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Easy</source>
        <translation>Leicht</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Gut</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Stark</translation>
    </message>
    <message>
        <source>Painful</source>
        <translation>Schmerzhaft</translation>
    </message>
    <message>
        <source>Tingling, numbness or shooting pain</source>
        <translation>Kribbeln, Taubheit oder einschießender Schmerz</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Please stop this stretch for now.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Tingling, numbness or shooting pain can mean a nerve is being stretched or pressed. That is not something to push through. The stretches from this routine are paused until you tell stretchtimer a clinician has checked you (Settings &amp;gt; Paused stretches).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Get urgent medical care now&lt;/b&gt; if you notice new trouble controlling your bladder or bowels, numbness around your groin, buttocks or inner thighs, or weakness in your legs that is getting worse.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Bitte hör mit dieser Dehnung vorerst auf.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Kribbeln, Taubheit oder einschießender Schmerz können bedeuten, dass ein Nerv gedehnt oder eingeklemmt wird. Da solltest du nicht einfach weitermachen. Die Dehnungen dieser Routine bleiben pausiert, bis du stretchtimer mitteilst, dass eine Ärztin, ein Arzt oder eine andere medizinische Fachkraft dich untersucht hat (Einstellungen &amp;gt; Pausierte Dehnungen).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Hol dir sofort ärztliche Hilfe&lt;/b&gt;, wenn du neue Probleme bemerkst, Blase oder Darm zu kontrollieren, Taubheit im Bereich von Leiste, Gesäß oder Oberschenkelinnenseiten oder eine Schwäche in den Beinen, die zunimmt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>How did that feel?</source>
        <translation>Wie hat sich das angefühlt?</translation>
    </message>
    <message>
        <source>{label} (key {number})</source>
        <translation>{label} (Taste {number})</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>Skip the check-in</source>
        <translation>Rückmeldung überspringen</translation>
    </message>
    <message>
        <source>Thanks, noted in your history.</source>
        <translation>Danke, im Verlauf vermerkt.</translation>
    </message>
    <message>
        <source>Stop and check</source>
        <translation>Aufhören und abklären</translation>
    </message>
    <message>
        <source>Paused: {names}</source>
        <translation>Pausiert: {names}</translation>
    </message>
    <message>
        <source>I understand</source>
        <translation>Verstanden</translation>
    </message>
    <message>
        <source>Paused stretches</source>
        <translation>Pausierte Dehnungen</translation>
    </message>
    <message>
        <source>Tick a stretch and resume it only once a doctor or physiotherapist has checked the tingling, numbness or shooting pain.</source>
        <translation>Hake eine Dehnung erst dann an und nimm sie wieder auf, wenn eine Ärztin, ein Arzt oder eine Physiotherapeutin bzw. ein Physiotherapeut das Kribbeln, die Taubheit oder den einschießenden Schmerz abgeklärt hat.</translation>
    </message>
    <message>
        <source>No stretches are paused.</source>
        <translation>Keine Dehnungen pausiert.</translation>
    </message>
    <message>
        <source>I have been cleared: resume the ticked stretches</source>
        <translation>Ich wurde untersucht: angehakte Dehnungen wieder aufnehmen</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>Twelve-week calendar</source>
        <translation>Zwölf-Wochen-Kalender</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>Left and right balance</source>
        <translation>Verhältnis links und rechts</translation>
    </message>
    <message>
        <source>No stretches in four weeks</source>
        <translation>Keine Dehnungen in vier Wochen</translation>
    </message>
    <message>
        <source>R {held}</source>
        <translation>R {held}</translation>
    </message>
    <message>
        <source>L {held}</source>
        <translation>L {held}</translation>
    </message>
    <message>
        <source>Sessions per day</source>
        <translation>Einheiten pro Tag</translation>
    </message>
    <message>
        <source>Past sessions</source>
        <translation>Bisherige Einheiten</translation>
    </message>
    <message>
        <source>One missed day in seven does not break a streak.</source>
        <translation>Ein verpasster Tag von sieben unterbricht keine Serie.</translation>
    </message>
    <message>
        <source>The last 12 weeks</source>
        <translation>Die letzten 12 Wochen</translation>
    </message>
    <message>
        <source>Sessions a day (dashed: your daily target)</source>
        <translation>Einheiten pro Tag (gestrichelt: dein Tagesziel)</translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n stretch days this week</source>
        <translation>
            <numerusform>{done} von %n Dehntag diese Woche</numerusform>
            <numerusform>{done} von %n Dehntagen diese Woche</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Today: {done} of %n session(s)</source>
        <translation>
            <numerusform>Heute: {done} von %n Einheit</numerusform>
            <numerusform>Heute: {done} von %n Einheiten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n-day streak</source>
        <translation>
            <numerusform>Serie: %n Tag</numerusform>
            <numerusform>Serie: %n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Reminders are off</source>
        <translation>Erinnerungen sind aus</translation>
    </message>
    <message>
        <source>Next reminder {day} at {time}</source>
        <translation>Nächste Erinnerung {day} um {time}</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>right {seconds} s</source>
        <translation>rechts {seconds} s</translation>
    </message>
    <message>
        <source>left {seconds} s</source>
        <translation>links {seconds} s</translation>
    </message>
    <message>
        <source>M T W T F S S</source>
        <comment>Monday to Sunday in a letter or two each, spaced</comment>
        <translation>Mo Di Mi Do Fr Sa So</translation>
    </message>
    <message>
        <source>Time held in the last 4 weeks, left and right</source>
        <translation>Gehaltene Zeit in den letzten 4 Wochen, links und rechts</translation>
    </message>
    <message>
        <source>No streak yet</source>
        <translation>Noch keine Serie</translation>
    </message>
    <message numerus="yes">
        <source>%n days with stretching in the last 12 weeks</source>
        <translation>
            <numerusform>%n Tag mit Dehnen in den letzten 12 Wochen</numerusform>
            <numerusform>%n Tage mit Dehnen in den letzten 12 Wochen</numerusform>
        </translation>
    </message>
    <message>
        <source>ddd d MMM yyyy, HH:mm</source>
        <comment>a date and time, in Qt&apos;s format: Thu 19 Nov 2026, 10:30</comment>
        <translation>ddd d. MMM yyyy, HH:mm</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>stopped early</source>
        <translation>vorzeitig beendet</translation>
    </message>
    <message>
        <source>, tingling or numbness</source>
        <translation>, Kribbeln oder Taubheit</translation>
    </message>
    <message>
        <source>, felt easy</source>
        <translation>, fühlte sich leicht an</translation>
    </message>
    <message>
        <source>, felt good</source>
        <translation>, fühlte sich gut an</translation>
    </message>
    <message>
        <source>, felt strong</source>
        <translation>, fühlte sich stark an</translation>
    </message>
    <message>
        <source>, felt painful</source>
        <translation>, war schmerzhaft</translation>
    </message>
    <message numerus="yes">
        <source>%n damaged line(s) skipped</source>
        <translation>
            <numerusform>%n beschädigte Zeile übersprungen</numerusform>
            <numerusform>%n beschädigte Zeilen übersprungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) from a newer version kept but not shown</source>
        <translation>
            <numerusform>%n Eintrag aus einer neueren Version behalten, aber nicht angezeigt</numerusform>
            <numerusform>%n Einträge aus einer neueren Version behalten, aber nicht angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>Not counted, as they could not be read: {files}.</source>
        <translation>Nicht gezählt, weil sie nicht lesbar sind: {files}.</translation>
    </message>
    <message>
        <source>Reminders this week: {offered} offered, {started} taken, {snoozed} snoozed, {skipped} skipped.</source>
        <translation>Erinnerungen diese Woche: {offered} angezeigt, {started} wahrgenommen, {snoozed} verschoben, {skipped} übersprungen.</translation>
    </message>
    <message numerus="yes">
        <source>%n sessions in all, {completed} completed.</source>
        <translation>
            <numerusform>%n Einheit insgesamt, {completed} abgeschlossen.</numerusform>
            <numerusform>%n Einheiten insgesamt, {completed} abgeschlossen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Next: {name}</source>
        <translation>Als Nächstes: {name}</translation>
    </message>
    <message>
        <source>Now the left side</source>
        <translation>Jetzt die linke Seite</translation>
    </message>
    <message>
        <source>Now the right side</source>
        <translation>Jetzt die rechte Seite</translation>
    </message>
    <message>
        <source>Now the left leg</source>
        <translation>Jetzt das linke Bein</translation>
    </message>
    <message>
        <source>Now the right leg</source>
        <translation>Jetzt das rechte Bein</translation>
    </message>
    <message>
        <source>Now the left foot</source>
        <translation>Jetzt der linke Fuß</translation>
    </message>
    <message>
        <source>Now the right foot</source>
        <translation>Jetzt der rechte Fuß</translation>
    </message>
    <message>
        <source>Now the left hip</source>
        <translation>Jetzt die linke Hüfte</translation>
    </message>
    <message>
        <source>Now the right hip</source>
        <translation>Jetzt die rechte Hüfte</translation>
    </message>
    <message>
        <source>Now the left arm</source>
        <translation>Jetzt der linke Arm</translation>
    </message>
    <message>
        <source>Now the right arm</source>
        <translation>Jetzt der rechte Arm</translation>
    </message>
    <message>
        <source>Switch sides</source>
        <translation>Seite wechseln</translation>
    </message>
    <message>
        <source>left</source>
        <comment>the side, in an exercise&apos;s switch lines: your {side} leg</comment>
        <translation>linke</translation>
    </message>
    <message>
        <source>right</source>
        <comment>the side, in an exercise&apos;s switch lines: your {side} leg</comment>
        <translation>rechte</translation>
    </message>
    <message>
        <source>Mild tension only. Stop if you feel tingling, numbness or sharp pain.</source>
        <translation>Nur leichte Spannung. Hör auf, wenn du Kribbeln, Taubheit oder stechenden Schmerz spürst.</translation>
    </message>
    <message>
        <source>Breathe in</source>
        <translation>Einatmen</translation>
    </message>
    <message>
        <source>And out</source>
        <translation>Und ausatmen</translation>
    </message>
    <message>
        <source>Halfway</source>
        <translation>Halb geschafft</translation>
    </message>
    <message>
        <source>3</source>
        <translation>3</translation>
    </message>
    <message>
        <source>2</source>
        <translation>2</translation>
    </message>
    <message>
        <source>1</source>
        <translation>1</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Well done. That is the routine.</source>
        <translation>Gut gemacht. Das war die Routine.</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Vollbild</translation>
    </message>
    <message>
        <source>Full screen (F11)</source>
        <translation>Vollbild (F11)</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Hoher Kontrast</translation>
    </message>
    <message>
        <source>&amp;Export history…</source>
        <translation>&amp;Verlauf exportieren…</translation>
    </message>
    <message>
        <source>&amp;New routine…</source>
        <translation>&amp;Neue Routine…</translation>
    </message>
    <message>
        <source>&amp;Import routine…</source>
        <translation>Routine &amp;importieren…</translation>
    </message>
    <message>
        <source>Export &amp;routine…</source>
        <translation>Routine e&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Paused stretches…</source>
        <translation>&amp;Pausierte Dehnungen…</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;About stretchtimer</source>
        <translation>Ü&amp;ber stretchtimer</translation>
    </message>
    <message>
        <source>&amp;Welcome and safety…</source>
        <translation>&amp;Willkommen und Sicherheit…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Routines</source>
        <translation>Routinen</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Routines (Ctrl+1)</source>
        <translation>Routinen (Strg+1)</translation>
    </message>
    <message>
        <source>Your history (Ctrl+2)</source>
        <translation>Dein Verlauf (Strg+2)</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Dismiss notice</source>
        <translation>Hinweis schließen</translation>
    </message>
    <message numerus="yes">
        <source>%n routine file(s) could not be read and were skipped: {names}. Run stretchtimer --validate FILE to see why.</source>
        <translation>
            <numerusform>%n Routinendatei konnte nicht gelesen werden und wurde übersprungen: {names}. Führe stretchtimer --validate DATEI aus, um den Grund zu sehen.</numerusform>
            <numerusform>%n Routinendateien konnten nicht gelesen werden und wurden übersprungen: {names}. Führe stretchtimer --validate DATEI aus, um den Grund zu sehen.</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} (mine)</source>
        <translation>{name} (eigene)</translation>
    </message>
    <message>
        <source>Routines cannot be saved here (no data folder).</source>
        <translation>Routinen können hier nicht gespeichert werden (kein Datenordner).</translation>
    </message>
    <message>
        <source>Could not save “{name}”: {error}. Nothing was changed.</source>
        <translation>„{name}“ konnte nicht gespeichert werden: {error}. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>“{name}” was also changed elsewhere (on another computer?) while you edited it. Yours is saved; the other version is kept in {file}.</source>
        <translation>„{name}“ wurde woanders (auf einem anderen Computer?) ebenfalls geändert, während du sie bearbeitet hast. Deine ist gespeichert; die andere Fassung liegt in {file}.</translation>
    </message>
    <message>
        <source>Delete routine</source>
        <translation>Routine löschen</translation>
    </message>
    <message>
        <source>Delete “{name}”? Its file is kept in the “deleted” folder of your routines, so it can be brought back.</source>
        <translation>„{name}“ löschen? Die Datei bleibt im Ordner „deleted“ deiner Routinen erhalten und kann wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>Could not delete “{name}”: {error}.</source>
        <translation>„{name}“ konnte nicht gelöscht werden: {error}.</translation>
    </message>
    <message>
        <source>Not imported: {file}: {problems}</source>
        <translation>Nicht importiert: {file}: {problems}</translation>
    </message>
    <message numerus="yes">
        <source> (and %n more)</source>
        <translation>
            <numerusform> (und %n weiteres Problem)</numerusform>
            <numerusform> (und %n weitere Probleme)</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported “{name}”.</source>
        <translation>„{name}“ importiert.</translation>
    </message>
    <message>
        <source>A routine with the id “{asked}” already exists, so this one is saved as “{id}”; nothing was replaced.</source>
        <translation>Eine Routine mit der Kennung „{asked}“ gibt es schon, daher wird diese als „{id}“ gespeichert; nichts wurde ersetzt.</translation>
    </message>
    <message>
        <source>Could not export “{name}”: {error}.</source>
        <translation>„{name}“ konnte nicht exportiert werden: {error}.</translation>
    </message>
    <message>
        <source>Exported “{name}” to {file}.</source>
        <translation>„{name}“ nach {file} exportiert.</translation>
    </message>
    <message numerus="yes">
        <source>A routine was changed on two computers (or was in both folders). The newer version is in use; %n other version(s) are kept in {folder}.</source>
        <translation>
            <numerusform>Eine Routine wurde auf zwei Computern geändert (oder lag in beiden Ordnern). Die neuere Fassung gilt; %n andere Fassung liegt in {folder}.</numerusform>
            <numerusform>Eine Routine wurde auf zwei Computern geändert (oder lag in beiden Ordnern). Die neuere Fassung gilt; %n andere Fassungen liegen in {folder}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not copy your routines into {folder}: {error}. They stay where they were.</source>
        <translation>Deine Routinen konnten nicht nach {folder} kopiert werden: {error}. Sie bleiben, wo sie waren.</translation>
    </message>
    <message>
        <source>Import routine</source>
        <translation>Routine importieren</translation>
    </message>
    <message>
        <source>Routine files (*.json)</source>
        <translation>Routinendateien (*.json)</translation>
    </message>
    <message>
        <source>Export routine</source>
        <translation>Routine exportieren</translation>
    </message>
    <message>
        <source>Every stretch in {name} is paused for your safety. Settings &gt; Paused stretches resumes them once you are cleared.</source>
        <translation>Alle Dehnungen in {name} sind zu deiner Sicherheit pausiert. Unter Einstellungen &gt; Pausierte Dehnungen kannst du sie wieder aufnehmen, sobald du untersucht wurdest.</translation>
    </message>
    <message>
        <source>Could not save this session to your history ({error}); earlier sessions are safe. Is the disk full?</source>
        <translation>Diese Einheit konnte nicht im Verlauf gespeichert werden ({error}); frühere Einheiten sind sicher. Ist der Datenträger voll?</translation>
    </message>
    <message>
        <source>Could not save your check-in ({error}).</source>
        <translation>Deine Rückmeldung konnte nicht gespeichert werden ({error}).</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>Verlauf exportieren</translation>
    </message>
    <message>
        <source>Spreadsheet (*.csv);;JSON (*.json)</source>
        <translation>Tabelle (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Could not export: {error}</source>
        <translation>Export fehlgeschlagen: {error}</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n session(s) to {file}</source>
        <translation>
            <numerusform>%n Einheit nach {file} exportiert</numerusform>
            <numerusform>%n Einheiten nach {file} exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not save your settings ({error}); the ones saved before are unchanged. Is the disk full?</source>
        <translation>Deine Einstellungen konnten nicht gespeichert werden ({error}); die zuvor gespeicherten bleiben unverändert. Ist der Datenträger voll?</translation>
    </message>
    <message>
        <source>There is no system tray on this desktop, so stretchtimer cannot wait there: reminders still pop up while this window is open (minimise it), and closing it quits.</source>
        <translation>Auf diesem Desktop gibt es keinen Infobereich, daher kann stretchtimer dort nicht warten: Erinnerungen erscheinen weiterhin, solange dieses Fenster offen ist (minimiere es), und Schließen beendet das Programm.</translation>
    </message>
    <message>
        <source>Could not write into your history folder {folder} ({error}). New sessions are kept on this computer and added to it later.</source>
        <translation>Konnte nicht in deinen Verlaufsordner {folder} schreiben ({error}). Neue Einheiten werden auf diesem Computer aufbewahrt und später hinzugefügt.</translation>
    </message>
    <message>
        <source>Your history folder {folder} is not there (is its drive connected?). New sessions are kept on this computer and added to it when it is back; until then your history shows this computer&apos;s sessions.</source>
        <translation>Dein Verlaufsordner {folder} ist nicht da (ist sein Laufwerk verbunden?). Neue Einheiten werden auf diesem Computer aufbewahrt und hinzugefügt, sobald er wieder da ist; bis dahin zeigt dein Verlauf die Einheiten dieses Computers.</translation>
    </message>
    <message numerus="yes">
        <source>Your history folder {folder} is back: %n record(s) kept on this computer meanwhile were added to it.</source>
        <translation>
            <numerusform>Dein Verlaufsordner {folder} ist wieder da: %n Eintrag, der inzwischen auf diesem Computer aufbewahrt wurde, ist hinzugefügt.</numerusform>
            <numerusform>Dein Verlaufsordner {folder} ist wieder da: %n Einträge, die inzwischen auf diesem Computer aufbewahrt wurden, sind hinzugefügt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your history folder {folder} is back.</source>
        <translation>Dein Verlaufsordner {folder} ist wieder da.</translation>
    </message>
    <message>
        <source>Time to stand and stretch</source>
        <translation>Zeit, aufzustehen und dich zu dehnen</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Schlummern</translation>
    </message>
    <message>
        <source>Time to stand and stretch. {name}.</source>
        <translation>Zeit, aufzustehen und dich zu dehnen. {name}.</translation>
    </message>
    <message>
        <source>Next stretch at {time}.</source>
        <translation>Nächste Dehnung um {time}.</translation>
    </message>
    <message>
        <source>Stand up for a moment</source>
        <translation>Steh kurz auf</translation>
    </message>
    <message>
        <source>Stand up for a moment.</source>
        <translation>Steh kurz auf.</translation>
    </message>
    <message>
        <source>stretchtimer is still running</source>
        <translation>stretchtimer läuft weiter</translation>
    </message>
    <message>
        <source>It will remind you from the tray. Quit from its menu.</source>
        <translation>Es erinnert dich aus dem Infobereich. Beenden kannst du es über sein Menü.</translation>
    </message>
    <message>
        <source>There is no routine called “{id}”.</source>
        <translation>Es gibt keine Routine namens „{id}“.</translation>
    </message>
    <message>
        <source>Stretch reminder</source>
        <translation>Dehn-Erinnerung</translation>
    </message>
    <message>
        <source>Start (Enter)</source>
        <translation>Starten (Enter)</translation>
    </message>
    <message>
        <source>Snooze (S)</source>
        <translation>Schlummern (S)</translation>
    </message>
    <message>
        <source>Skip (Esc)</source>
        <translation>Überspringen (Esc)</translation>
    </message>
    <message>
        <source>Both sides at once</source>
        <translation>Beide Seiten gleichzeitig</translation>
    </message>
    <message>
        <source>No sides</source>
        <translation>Ohne Seiten</translation>
    </message>
    <message>
        <source>Repetitions</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Rest between reps</source>
        <translation>Pause zwischen Wiederholungen</translation>
    </message>
    <message>
        <source>Time to get ready</source>
        <translation>Zeit zum Vorbereiten</translation>
    </message>
    <message>
        <source>Time to switch sides</source>
        <translation>Zeit zum Seitenwechsel</translation>
    </message>
    <message>
        <source>Exercise name</source>
        <translation>Name der Übung</translation>
    </message>
    <message>
        <source>e.g. calves, hamstrings</source>
        <translation>z. B. Waden, hintere Oberschenkel</translation>
    </message>
    <message>
        <source>Muscles, separated by commas</source>
        <translation>Muskeln, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>How to get into it, one step per line</source>
        <translation>Wie du in die Position kommst, ein Schritt pro Zeile</translation>
    </message>
    <message>
        <source>How to get into position, one step per line</source>
        <translation>Wie du in die Position kommst, ein Schritt pro Zeile</translation>
    </message>
    <message>
        <source>Form cues during the hold, one per line</source>
        <translation>Formhinweise während des Haltens, einer pro Zeile</translation>
    </message>
    <message>
        <source>Sides</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Pace my breathing</source>
        <translation>Atmung anleiten</translation>
    </message>
    <message>
        <source>Breathe in for</source>
        <translation>Einatmen für</translation>
    </message>
    <message>
        <source>Breathe out for</source>
        <translation>Ausatmen für</translation>
    </message>
    <message>
        <source>Na&amp;me</source>
        <translation>Na&amp;me</translation>
    </message>
    <message>
        <source>Mus&amp;cles</source>
        <translation>M&amp;uskeln</translation>
    </message>
    <message>
        <source>&amp;Getting into it</source>
        <translation>Aus&amp;gangsstellung</translation>
    </message>
    <message>
        <source>&amp;Form cues</source>
        <translation>&amp;Formhinweise</translation>
    </message>
    <message>
        <source>S&amp;ides</source>
        <translation>Se&amp;iten</translation>
    </message>
    <message>
        <source>in</source>
        <translation>ein</translation>
    </message>
    <message>
        <source>out</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Breathing</source>
        <translation>Atmung</translation>
    </message>
    <message>
        <source>a side</source>
        <translation>eine Seite</translation>
    </message>
    <message>
        <source>Right, then left</source>
        <translation>Rechts, dann links</translation>
    </message>
    <message>
        <source>a leg</source>
        <translation>ein Bein</translation>
    </message>
    <message>
        <source>a foot</source>
        <translation>ein Fuß</translation>
    </message>
    <message>
        <source>a hip</source>
        <translation>eine Hüfte</translation>
    </message>
    <message>
        <source>an arm</source>
        <translation>ein Arm</translation>
    </message>
    <message>
        <source>If a stretch keeps hurting after you stop, check with a clinician.</source>
        <translation>Wenn eine Dehnung auch danach noch weh tut, lass es ärztlich abklären.</translation>
    </message>
    <message>
        <source>Quiet before the hold</source>
        <translation>Ruhe vor dem Halten</translation>
    </message>
    <message>
        <source>Reminders during the hold, one per line; they take turns (optional)</source>
        <translation>Hinweise während des Haltens, einer pro Zeile; sie wechseln sich ab (optional)</translation>
    </message>
    <message>
        <source>Safety cues said in every hold, one per line</source>
        <translation>Sicherheitshinweise in jedem Halten, einer pro Zeile</translation>
    </message>
    <message>
        <source>Said in every hold, e.g. “Tingling? Ease off, and stop if it stays.” (optional)</source>
        <translation>In jedem Halten gesagt, z. B. „Kribbeln? Lass nach, und hör auf, wenn es bleibt.“ (optional)</translation>
    </message>
    <message>
        <source>What changes sides</source>
        <translation>Was die Seite wechselt</translation>
    </message>
    <message>
        <source>How to change sides, one step per line</source>
        <translation>Wie die Seite gewechselt wird, ein Schritt pro Zeile</translation>
    </message>
    <message>
        <source>How to get onto the other side, one step per line; {side} is the new side, {other} the one before</source>
        <translation>Wie du auf die andere Seite kommst, ein Schritt pro Zeile; {side} ist die neue Seite, {other} die vorige</translation>
    </message>
    <message>
        <source>Say “halfway”</source>
        <translation>„Halb geschafft“ sagen</translation>
    </message>
    <message>
        <source>Count down “3, 2, 1”</source>
        <translation>„3, 2, 1“ herunterzählen</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>Kein Bild</translation>
    </message>
    <message>
        <source>Where this exercise comes from (optional)</source>
        <translation>Woher diese Übung stammt (optional)</translation>
    </message>
    <message>
        <source>optional, e.g. my physiotherapist, March 2026</source>
        <translation>optional, z. B. meine Physiotherapeutin, März 2026</translation>
    </message>
    <message>
        <source>Safety c&amp;ues</source>
        <translation>Sicherheits&amp;hinweise</translation>
    </message>
    <message>
        <source>Each side is</source>
        <translation>Jede Seite ist</translation>
    </message>
    <message>
        <source>C&amp;hanging sides</source>
        <translation>Seiten&amp;wechsel</translation>
    </message>
    <message>
        <source>In the hold</source>
        <translation>Beim Halten</translation>
    </message>
    <message>
        <source>Pic&amp;ture</source>
        <translation>Bil&amp;d</translation>
    </message>
    <message>
        <source>S&amp;ource (optional)</source>
        <translation>&amp;Quelle (optional)</translation>
    </message>
    <message>
        <source>New routine</source>
        <translation>Neue Routine</translation>
    </message>
    <message>
        <source>Edit “{name}”</source>
        <translation>„{name}“ bearbeiten</translation>
    </message>
    <message>
        <source>Routine name</source>
        <translation>Name der Routine</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Kurzbeschreibung</translation>
    </message>
    <message>
        <source>One line: where and what, e.g. “Seated: calves and hamstrings, as my physio showed me”</source>
        <translation>Eine Zeile: wo und was, z. B. „Sitzend: Waden und hintere Oberschenkel, wie es mir meine Physiotherapeutin gezeigt hat“</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Equipment, separated by commas</source>
        <translation>Hilfsmittel, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>e.g. towel, chair (leave empty for none)</source>
        <translation>z. B. Handtuch, Stuhl (leer lassen, wenn keine)</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>Tags, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Safety lines, one per line</source>
        <translation>Sicherheitshinweise, einer pro Zeile</translation>
    </message>
    <message>
        <source>Safety lines, one per line; the first is spoken at the start</source>
        <translation>Sicherheitshinweise, einer pro Zeile; der erste wird zu Beginn gesprochen</translation>
    </message>
    <message>
        <source>Exercises, in order</source>
        <translation>Übungen, in Reihenfolge</translation>
    </message>
    <message>
        <source>&amp;Add exercise</source>
        <translation>Übung hin&amp;zufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Move the exercise up (Alt+Up)</source>
        <translation>Übung nach oben verschieben (Alt+Pfeil hoch)</translation>
    </message>
    <message>
        <source>Move the exercise down (Alt+Down)</source>
        <translation>Übung nach unten verschieben (Alt+Pfeil runter)</translation>
    </message>
    <message>
        <source>Try this e&amp;xercise</source>
        <translation>Übung &amp;ausprobieren</translation>
    </message>
    <message>
        <source>Hear its cues once, with your voice settings</source>
        <translation>Die Ansagen der Übung einmal mit deinen Stimmeinstellungen anhören</translation>
    </message>
    <message>
        <source>Total length</source>
        <translation>Gesamtdauer</translation>
    </message>
    <message>
        <source>Problems to fix before saving</source>
        <translation>Vor dem Speichern zu behebende Probleme</translation>
    </message>
    <message>
        <source>What a listener would miss</source>
        <translation>Was beim Zuhören fehlen würde</translation>
    </message>
    <message>
        <source>Spoken cues, as the routine will run</source>
        <translation>Gesprochene Ansagen, wie die Routine abläuft</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>S&amp;ummary</source>
        <translation>&amp;Kurzbeschreibung</translation>
    </message>
    <message>
        <source>&amp;Position</source>
        <translation>&amp;Position</translation>
    </message>
    <message>
        <source>&amp;Equipment</source>
        <translation>&amp;Hilfsmittel</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>&amp;Tags</translation>
    </message>
    <message>
        <source>Safet&amp;y</source>
        <translation>Si&amp;cherheit</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>Routine</translation>
    </message>
    <message>
        <source>Exercises (drag, or Alt+Up / Alt+Down, to reorder):</source>
        <translation>Übungen (ziehen oder Alt+Pfeil hoch / Alt+Pfeil runter zum Umsortieren):</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Preview: spoken cues</source>
        <translation>Vorschau: gesprochene Ansagen</translation>
    </message>
    <message>
        <source>This routine also has its texts in: {languages}. They are kept as they are; change them in its file.</source>
        <translation>Diese Routine hat ihre Texte auch in: {languages}. Sie bleiben, wie sie sind; ändere sie in ihrer Datei.</translation>
    </message>
    <message numerus="yes">
        <source>Fix %n problem(s) first (listed above)</source>
        <translation>
            <numerusform>Behebe zuerst %n Problem (oben aufgeführt)</numerusform>
            <numerusform>Behebe zuerst %n Probleme (oben aufgeführt)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Can’t save yet — %n problem(s):</source>
        <translation>
            <numerusform>Noch nicht speicherbar – %n Problem:</numerusform>
            <numerusform>Noch nicht speicherbar – %n Probleme:</numerusform>
        </translation>
    </message>
    <message>
        <source>Total: — (fix the problems below to see it)</source>
        <translation>Gesamt: – (behebe die Probleme unten, um die Dauer zu sehen)</translation>
    </message>
    <message>
        <source>The preview appears when nothing is wrong.</source>
        <translation>Die Vorschau erscheint, sobald alles stimmt.</translation>
    </message>
    <message>
        <source>Save this routine</source>
        <translation>Diese Routine speichern</translation>
    </message>
    <message>
        <source>Total: {length}</source>
        <translation>Gesamt: {length}</translation>
    </message>
    <message numerus="yes">
        <source>Followed by ear, %n thing(s) would be missed:</source>
        <translation>
            <numerusform>Nur nach Gehör würde %n Sache fehlen:</numerusform>
            <numerusform>Nur nach Gehör würden %n Dinge fehlen:</numerusform>
        </translation>
    </message>
    <message>
        <source>(unnamed exercise)</source>
        <translation>(unbenannte Übung)</translation>
    </message>
    <message>
        <source>each side</source>
        <translation>pro Seite</translation>
    </message>
    <message>
        <source>both sides</source>
        <translation>beide Seiten</translation>
    </message>
    <message>
        <source>standing</source>
        <translation>stehend</translation>
    </message>
    <message>
        <source>seated</source>
        <translation>sitzend</translation>
    </message>
    <message>
        <source>floor</source>
        <translation>am Boden</translation>
    </message>
    <message>
        <source>no equipment</source>
        <translation>keine Hilfsmittel</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Start routine</source>
        <translation>Routine starten</translation>
    </message>
    <message>
        <source>Start this routine (Enter)</source>
        <translation>Diese Routine starten (Enter)</translation>
    </message>
    <message>
        <source>Paused for your safety: {names}. They are left out until you resume them (Settings &gt; Paused stretches).</source>
        <translation>Zu deiner Sicherheit pausiert: {names}. Sie werden ausgelassen, bis du sie wieder aufnimmst (Einstellungen &gt; Pausierte Dehnungen).</translation>
    </message>
    <message>
        <source>No routine matches</source>
        <translation>Keine passende Routine</translation>
    </message>
    <message>
        <source>Clear the search or the filters to see every routine.</source>
        <translation>Leere die Suche oder die Filter, um alle Routinen zu sehen.</translation>
    </message>
    <message>
        <source>Start {name}, {length}</source>
        <translation>{name} starten, {length}</translation>
    </message>
    <message>
        <source> (was {seconds} s)</source>
        <translation> (vorher {seconds} s)</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Picture: {name}</source>
        <translation>Bild: {name}</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Search routines, stretches, muscles…</source>
        <translation>Routinen, Dehnungen, Muskeln suchen…</translation>
    </message>
    <message>
        <source>Search routines</source>
        <translation>Routinen durchsuchen</translation>
    </message>
    <message>
        <source>Type to search (Ctrl+F)</source>
        <translation>Tippen zum Suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Filter by position</source>
        <translation>Nach Position filtern</translation>
    </message>
    <message>
        <source>Any position</source>
        <translation>Jede Position</translation>
    </message>
    <message>
        <source>Filter by equipment</source>
        <translation>Nach Hilfsmitteln filtern</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Build a routine of your own (Ctrl+N)</source>
        <translation>Eine eigene Routine erstellen (Strg+N)</translation>
    </message>
    <message>
        <source>Copy this routine as a starting point for yours</source>
        <translation>Diese Routine als Ausgangspunkt für eine eigene kopieren</translation>
    </message>
    <message>
        <source>Change this routine (only your own; built-ins are copied first)</source>
        <translation>Diese Routine ändern (nur eigene; eingebaute werden zuerst kopiert)</translation>
    </message>
    <message>
        <source>Delete this routine (only your own)</source>
        <translation>Diese Routine löschen (nur eigene)</translation>
    </message>
    <message>
        <source>Any equipment</source>
        <translation>Beliebige Hilfsmittel</translation>
    </message>
    <message>
        <source>No equipment</source>
        <translation>Keine Hilfsmittel</translation>
    </message>
    <message>
        <source>Now the left leg. Breathe in.</source>
        <translation>Jetzt das linke Bein. Einatmen.</translation>
    </message>
    <message>
        <source>Every breath</source>
        <translation>Jeder Atemzug</translation>
    </message>
    <message>
        <source>First breath of each hold</source>
        <translation>Erster Atemzug jeder Haltephase</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Stimme</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <source>Test the voice</source>
        <translation>Stimme testen</translation>
    </message>
    <message>
        <source>Say “{phrase}” with these settings</source>
        <translation>„{phrase}“ mit diesen Einstellungen sprechen</translation>
    </message>
    <message>
        <source>Add voice file…</source>
        <translation>Stimmdatei hinzufügen…</translation>
    </message>
    <message>
        <source>Add a natural voice: a Piper voice file (.onnx) with its .onnx.json beside it</source>
        <translation>Eine natürliche Stimme hinzufügen: eine Piper-Stimmdatei (.onnx) mit ihrer .onnx.json daneben</translation>
    </message>
    <message>
        <source> words a minute</source>
        <translation> Wörter pro Minute</translation>
    </message>
    <message>
        <source>Speaking rate</source>
        <translation>Sprechgeschwindigkeit</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Lautstärke</translation>
    </message>
    <message>
        <source>Mute the voice (M in the timer)</source>
        <translation>Stimme stummschalten (M im Timer)</translation>
    </message>
    <message>
        <source>Breathing cues</source>
        <translation>Atemhinweise</translation>
    </message>
    <message>
        <source>Count “3, 2, 1” before each release</source>
        <translation>Vor jedem Lösen „3, 2, 1“ zählen</translation>
    </message>
    <message>
        <source>A soft chime at every step, as well as the voice</source>
        <translation>Bei jedem Schritt zusätzlich zur Stimme ein sanfter Klang</translation>
    </message>
    <message>
        <source>Pause music and videos during a routine, and resume them after</source>
        <translation>Musik und Videos während einer Routine anhalten und danach fortsetzen</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>No speech engine: {why}</source>
        <translation>Keine Sprachausgabe: {why}</translation>
    </message>
    <message>
        <source>Looking up the voices…</source>
        <translation>Stimmen werden gesucht…</translation>
    </message>
    <message>
        <source>{voice} (not found here)</source>
        <translation>{voice} (hier nicht gefunden)</translation>
    </message>
    <message numerus="yes">
        <source>%n voices from {engine}.</source>
        <translation>
            <numerusform>%n Stimme von {engine}.</numerusform>
            <numerusform>%n Stimmen von {engine}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Automatic: the system&apos;s default voice</source>
        <translation>Automatisch: die Standardstimme des Systems</translation>
    </message>
    <message>
        <source>Automatic: {voice}</source>
        <translation>Automatisch: {voice}</translation>
    </message>
    <message>
        <source>Natural voices (Piper)</source>
        <translation>Natürliche Stimmen (Piper)</translation>
    </message>
    <message>
        <source>System voices</source>
        <translation>Systemstimmen</translation>
    </message>
    <message>
        <source>Add a Piper voice</source>
        <translation>Eine Piper-Stimme hinzufügen</translation>
    </message>
    <message>
        <source>Piper voices (*.onnx)</source>
        <translation>Piper-Stimmen (*.onnx)</translation>
    </message>
    <message>
        <source>{file} was not added: {why}</source>
        <translation>{file} wurde nicht hinzugefügt: {why}</translation>
    </message>
    <message>
        <source>Checking that {file} speaks…</source>
        <translation>Prüfe, ob {file} spricht…</translation>
    </message>
    <message>
        <source>{file} was not added: it does not speak here ({why}).</source>
        <translation>{file} wurde nicht hinzugefügt: Sie spricht hier nicht ({why}).</translation>
    </message>
    <message>
        <source>{file} was added and is your voice now.</source>
        <translation>{file} wurde hinzugefügt und ist jetzt deine Stimme.</translation>
    </message>
    <message>
        <source>the X11 screen saver extension</source>
        <translation>die Bildschirmschoner-Erweiterung von X11</translation>
    </message>
    <message>
        <source>the active window&apos;s full-screen state (X11)</source>
        <translation>den Vollbildzustand des aktiven Fensters (X11)</translation>
    </message>
    <message>
        <source>a microphone recording (PulseAudio)</source>
        <translation>eine Mikrofonaufnahme (PulseAudio)</translation>
    </message>
    <message>
        <source>a camera in use</source>
        <translation>eine Kamera, die gerade benutzt wird</translation>
    </message>
    <message>
        <source>a shared screen (PipeWire)</source>
        <translation>einen geteilten Bildschirm (PipeWire)</translation>
    </message>
    <message>
        <source>the microphone or camera in use (Windows)</source>
        <translation>Mikrofon oder Kamera in Benutzung (Windows)</translation>
    </message>
    <message>
        <source>the microphone in use (macOS)</source>
        <translation>das Mikrofon in Benutzung (macOS)</translation>
    </message>
    <message>
        <source>Windows&apos; last input time</source>
        <translation>die letzte Eingabe unter Windows</translation>
    </message>
    <message>
        <source>macOS input events (CoreGraphics)</source>
        <translation>Eingabeereignisse von macOS (CoreGraphics)</translation>
    </message>
    <message>
        <source>Windows&apos; presentation and full-screen state</source>
        <translation>den Präsentations- und Vollbildzustand von Windows</translation>
    </message>
    <message>
        <source>Remind me to stand and stretch</source>
        <translation>Erinnere mich, aufzustehen und mich zu dehnen</translation>
    </message>
    <message>
        <source>Start stretchtimer at login, in the tray</source>
        <translation>stretchtimer bei der Anmeldung im Infobereich starten</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> Minuten</translation>
    </message>
    <message>
        <source>Minutes between reminders</source>
        <translation>Minuten zwischen Erinnerungen</translation>
    </message>
    <message>
        <source>Snooze length</source>
        <translation>Schlummerdauer</translation>
    </message>
    <message>
        <source>A short “stand up” nudge halfway between reminders</source>
        <translation>Ein kurzer „Steh auf“-Hinweis zwischen zwei Erinnerungen</translation>
    </message>
    <message>
        <source>never wait</source>
        <translation>nie warten</translation>
    </message>
    <message>
        <source>Longest a full-screen app may delay a reminder</source>
        <translation>Wie lange eine Vollbild-App eine Erinnerung höchstens verzögern darf</translation>
    </message>
    <message>
        <source>Longest a call may delay a reminder</source>
        <translation>Wie lange ein Anruf eine Erinnerung höchstens verzögern darf</translation>
    </message>
    <message>
        <source>How a reminder shows</source>
        <translation>Wie eine Erinnerung erscheint</translation>
    </message>
    <message>
        <source>A desktop notification (else the popup)</source>
        <translation>Eine Desktop-Benachrichtigung (sonst das Fenster)</translation>
    </message>
    <message>
        <source>The stretchtimer popup</source>
        <translation>Das stretchtimer-Fenster</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Beides</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Snooze for</source>
        <translation>Schlummern für</translation>
    </message>
    <message>
        <source>Show a reminder as</source>
        <translation>Erinnerung zeigen als</translation>
    </message>
    <message>
        <source>Desktop notifications come from {source}, with Start and Snooze.</source>
        <translation>Desktop-Benachrichtigungen kommen von {source}, mit Starten und Schlummern.</translation>
    </message>
    <message>
        <source>This desktop shows no notifications with buttons, so the popup asks.</source>
        <translation>Dieser Desktop zeigt keine Benachrichtigungen mit Knöpfen, daher fragt das Fenster.</translation>
    </message>
    <message>
        <source>Full screen may delay by</source>
        <translation>Vollbild darf verzögern um</translation>
    </message>
    <message>
        <source>A call may delay by</source>
        <translation>Ein Anruf darf verzögern um</translation>
    </message>
    <message>
        <source>Stepping away for a while counts as a break, and nothing is said while the screen is locked (noticed by: {source}).</source>
        <translation>Wenn du eine Weile weg bist, zählt das als Pause, und bei gesperrtem Bildschirm wird nichts gesagt (erkannt über: {source}).</translation>
    </message>
    <message>
        <source>This desktop does not tell stretchtimer when you step away from the keyboard; a computer that sleeps still counts as a break.</source>
        <translation>Diese Arbeitsumgebung teilt stretchtimer nicht mit, wann du dich von der Tastatur entfernst; ein Rechner im Ruhezustand zählt trotzdem als Pause.</translation>
    </message>
    <message>
        <source>A presentation or video call in full screen holds a reminder until it ends (noticed by: {source}).</source>
        <translation>Eine Präsentation oder ein Videoanruf im Vollbild hält eine Erinnerung zurück, bis sie endet (erkannt über: {source}).</translation>
    </message>
    <message>
        <source>This desktop does not tell stretchtimer when an app is in full screen, so reminders never wait for one.</source>
        <translation>Diese Arbeitsumgebung teilt stretchtimer nicht mit, wann eine App im Vollbild läuft, daher warten Erinnerungen nie darauf.</translation>
    </message>
    <message>
        <source>A call holds a reminder until it ends, and nothing is said into it (noticed by: {source}).</source>
        <translation>Ein Anruf hält eine Erinnerung zurück, bis er endet, und währenddessen sagt die Stimme nichts (erkannt über: {source}).</translation>
    </message>
    <message>
        <source>This desktop does not tell stretchtimer when you are on a call, so reminders never wait for one.</source>
        <translation>Dieser Desktop sagt stretchtimer nicht, wann du telefonierst, daher warten Erinnerungen nie auf einen Anruf.</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Montag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Dienstag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Mittwoch</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Donnerstag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Freitag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Samstag</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Sonntag</translation>
    </message>
    <message>
        <source>{day} from</source>
        <translation>{day} von</translation>
    </message>
    <message>
        <source>{day} until</source>
        <translation>{day} bis</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Could not change the login entry: {error}</source>
        <translation>Der Anmeldeeintrag konnte nicht geändert werden: {error}</translation>
    </message>
    <message>
        <source> days a week</source>
        <translation> Tage pro Woche</translation>
    </message>
    <message>
        <source>Stretch days a week</source>
        <translation>Dehntage pro Woche</translation>
    </message>
    <message>
        <source> sessions a day</source>
        <translation> Einheiten pro Tag</translation>
    </message>
    <message>
        <source>Sessions a day</source>
        <translation>Einheiten pro Tag</translation>
    </message>
    <message>
        <source>Regular, gentle practice is what helps: most days, once or twice a day (two or three times if your hamstrings are very tight).</source>
        <translation>Was hilft, ist regelmäßiges, sanftes Üben: an den meisten Tagen, ein- oder zweimal täglich (zwei- oder dreimal, wenn deine hinteren Oberschenkel sehr verkürzt sind).</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Daily target</source>
        <translation>Tagesziel</translation>
    </message>
    <message>
        <source>High contrast (black, white and yellow)</source>
        <translation>Hoher Kontrast (Schwarz, Weiß und Gelb)</translation>
    </message>
    <message>
        <source>Text size, in percent of the system&apos;s</source>
        <translation>Textgröße, in Prozent der Systemgröße</translation>
    </message>
    <message>
        <source>Reduce motion: the breathing circle stays still and its words say when to breathe</source>
        <translation>Bewegung reduzieren: Der Atemkreis bleibt still, und sein Text sagt, wann du atmen sollst</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Language of the voice</source>
        <translation>Sprache der Stimme</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andere</translation>
    </message>
    <message>
        <source>Work hours</source>
        <translation>Arbeitszeiten</translation>
    </message>
    <message>
        <source>Reminders come only in these hours:</source>
        <translation>Erinnerungen kommen nur zu diesen Zeiten:</translation>
    </message>
    <message>
        <source>When you are away or busy</source>
        <translation>Wenn du weg oder beschäftigt bist</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>Sprache des Systems</translation>
    </message>
    <message>
        <source>A new language applies the next time stretchtimer starts. With no voice chosen, the voice speaks it too, if the speech engine has it.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von stretchtimer. Ist keine Stimme gewählt, spricht die Stimme sie ebenfalls, sofern die Sprachausgabe sie beherrscht.</translation>
    </message>
    <message>
        <source>&amp;Text size</source>
        <translation>&amp;Textgröße</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Keep my history in a folder I sync</source>
        <translation>Meinen Verlauf in einem Ordner halten, den ich synchronisiere</translation>
    </message>
    <message>
        <source>No folder chosen</source>
        <translation>Kein Ordner gewählt</translation>
    </message>
    <message>
        <source>History folder</source>
        <translation>Verlaufsordner</translation>
    </message>
    <message>
        <source>C&amp;hoose folder…</source>
        <translation>Ordner &amp;wählen…</translation>
    </message>
    <message>
        <source>Keep my own routines there too</source>
        <translation>Meine eigenen Routinen auch dort halten</translation>
    </message>
    <message>
        <source>History folder status</source>
        <translation>Zustand des Verlaufsordners</translation>
    </message>
    <message>
        <source>Any sync tool will do: Syncthing, Nextcloud, Dropbox, OneDrive. Each computer adds its sessions to its own file in the folder and reads every computer&apos;s, so your streak and totals count them all. Turning this on copies your history into the folder; turning it off keeps a copy of everything on this computer.</source>
        <translation>Jedes Sync-Programm geht: Syncthing, Nextcloud, Dropbox, OneDrive. Jeder Computer schreibt seine Einheiten in seine eigene Datei im Ordner und liest die aller Computer, so zählen deine Serie und deine Summen alle mit. Einschalten kopiert deinen Verlauf in den Ordner; Ausschalten behält eine Kopie von allem auf diesem Computer.</translation>
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation>&amp;Ordner</translation>
    </message>
    <message>
        <source>Your history is kept on this computer only.</source>
        <translation>Dein Verlauf liegt nur auf diesem Computer.</translation>
    </message>
    <message numerus="yes">
        <source>Your history is kept in {folder}, with the history of %n computer(s).</source>
        <translation>
            <numerusform>Dein Verlauf liegt in {folder}, mit dem Verlauf von %n Computer.</numerusform>
            <numerusform>Dein Verlauf liegt in {folder}, mit dem Verlauf von %n Computern.</numerusform>
        </translation>
    </message>
    <message>
        <source>{folder} is not there now (is its drive connected?): new sessions wait on this computer until it is back.</source>
        <translation>{folder} ist gerade nicht da (ist sein Laufwerk verbunden?): Neue Einheiten warten auf diesem Computer, bis er wieder da ist.</translation>
    </message>
    <message>
        <source>A folder your sync tool keeps</source>
        <translation>Ein Ordner, den dein Sync-Programm abgleicht</translation>
    </message>
    <message>
        <source>Copying your history into {folder}…</source>
        <translation>Dein Verlauf wird nach {folder} kopiert…</translation>
    </message>
    <message>
        <source>Keeping a copy of everything on this computer…</source>
        <translation>Eine Kopie von allem bleibt auf diesem Computer…</translation>
    </message>
    <message>
        <source>Not changed: {why}</source>
        <translation>Nicht geändert: {why}</translation>
    </message>
    <message>
        <source>Set by your organisation</source>
        <translation>Von deiner Organisation festgelegt</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Erinnerungen</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Anzeige</translation>
    </message>
    <message>
        <source>Get ready</source>
        <translation>Mach dich bereit</translation>
    </message>
    <message>
        <source>Next up</source>
        <translation>Als Nächstes</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Countdown</source>
        <translation>Countdown</translation>
    </message>
    <message>
        <source>Breathing pacer</source>
        <translation>Atemtakt</translation>
    </message>
    <message>
        <source>Breathe out</source>
        <translation>Ausatmen</translation>
    </message>
    <message>
        <source>◀  LEFT SIDE</source>
        <translation>◀  LINKE SEITE</translation>
    </message>
    <message>
        <source>RIGHT SIDE  ▶</source>
        <translation>RECHTE SEITE  ▶</translation>
    </message>
    <message>
        <source>left side</source>
        <translation>linke Seite</translation>
    </message>
    <message>
        <source>right side</source>
        <translation>rechte Seite</translation>
    </message>
    <message>
        <source>What you held</source>
        <translation>Was du gehalten hast</translation>
    </message>
    <message>
        <source>What the voice says</source>
        <translation>Was die Stimme sagt</translation>
    </message>
    <message>
        <source>Routine progress</source>
        <translation>Fortschritt der Routine</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Stumm</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Rep {rep} of {reps}</source>
        <translation>Wiederholung {rep} von {reps}</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Resume (Space)</source>
        <translation>Fortsetzen (Leertaste)</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>Pause (Leertaste)</translation>
    </message>
    <message>
        <source>Restart (R or Space)</source>
        <translation>Neu starten (R oder Leertaste)</translation>
    </message>
    <message>
        <source>Back to the routines (Esc)</source>
        <translation>Zurück zu den Routinen (Esc)</translation>
    </message>
    <message>
        <source>Stop (Esc)</source>
        <translation>Stopp (Esc)</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Ton an</translation>
    </message>
    <message>
        <source>Unmute (M)</source>
        <translation>Ton an (M)</translation>
    </message>
    <message>
        <source>Mute (M)</source>
        <translation>Stumm (M)</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Done at {done} of {total}</source>
        <translation>Fertig bei {done} von {total}</translation>
    </message>
    <message>
        <source>Stopped at {done} of {total}</source>
        <translation>Gestoppt bei {done} von {total}</translation>
    </message>
    <message>
        <source> · paused</source>
        <translation> · pausiert</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} von {total}</translation>
    </message>
    <message>
        <source>Then: {name}</source>
        <translation>Danach: {name}</translation>
    </message>
    <message>
        <source>Last one in this routine</source>
        <translation>Die letzte Übung dieser Routine</translation>
    </message>
    <message numerus="yes">
        <source>%n seconds</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>rep {rep} of {reps}</source>
        <translation>Wiederholung {rep} von {reps}</translation>
    </message>
    <message>
        <source>No reminder planned</source>
        <translation>Keine Erinnerung geplant</translation>
    </message>
    <message>
        <source>Start {name} ({length})</source>
        <translation>{name} starten ({length})</translation>
    </message>
    <message>
        <source>Snooze 10 min</source>
        <translation>10 min schlummern</translation>
    </message>
    <message>
        <source>Pause reminders</source>
        <translation>Erinnerungen pausieren</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>Für 1 Stunde</translation>
    </message>
    <message>
        <source>Until tomorrow</source>
        <translation>Bis morgen</translation>
    </message>
    <message>
        <source>Open stretchtimer</source>
        <translation>stretchtimer öffnen</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Snooze {minutes} min</source>
        <translation>{minutes} min schlummern</translation>
    </message>
    <message>
        <source>Next reminder at {time}</source>
        <translation>Nächste Erinnerung um {time}</translation>
    </message>
    <message>
        <source>Snoozed.</source>
        <translation>Im Schlummermodus.</translation>
    </message>
    <message>
        <source>Reminders paused.</source>
        <translation>Erinnerungen pausiert.</translation>
    </message>
    <message>
        <source>A routine is running.</source>
        <translation>Eine Routine läuft.</translation>
    </message>
    <message>
        <source>Something went wrong ({where}); stretchtimer carries on. The log has the details (Help &gt; About shows where it is).</source>
        <translation>Etwas ist schiefgegangen ({where}); stretchtimer läuft weiter. Einzelheiten stehen im Protokoll (Hilfe &gt; Über zeigt, wo es liegt).</translation>
    </message>
    <message>
        <source>Stretch gently: mild tension, never pain. Stop at once if you feel tingling, numbness or a sharp or shooting pain. With an injury or a condition, ask your doctor or physiotherapist before you start.</source>
        <translation>Dehne sanft: leichte Spannung, nie Schmerz. Hör sofort auf, wenn du Kribbeln, Taubheit oder einen stechenden oder einschießenden Schmerz spürst. Mit einer Verletzung oder Erkrankung frag vorher deine Ärztin, deinen Arzt oder deine Physiotherapie.</translation>
    </message>
    <message>
        <source>Welcome to stretchtimer</source>
        <translation>Willkommen bei stretchtimer</translation>
    </message>
    <message>
        <source>Stand up and stretch, a little, every hour</source>
        <translation>Steh auf und dehn dich, ein wenig, jede Stunde</translation>
    </message>
    <message>
        <source>a stretch at the desk</source>
        <translation>eine Dehnung am Schreibtisch</translation>
    </message>
    <message>
        <source>Your work day</source>
        <translation>Dein Arbeitstag</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>Reminders come only in these hours. You can change them later in Settings &gt; Reminders.</source>
        <translation>Erinnerungen kommen nur in diesen Stunden. Du kannst sie später unter Einstellungen &gt; Erinnerungen ändern.</translation>
    </message>
    <message>
        <source>The voice guides each routine</source>
        <translation>Die Stimme führt durch jede Routine</translation>
    </message>
    <message>
        <source>M mutes it at any time, in the timer.</source>
        <translation>Mit M schaltest du sie im Timer jederzeit stumm.</translation>
    </message>
    <message>
        <source>Work starts</source>
        <translation>Arbeitsbeginn</translation>
    </message>
    <message>
        <source>stretchtimer waits in the tray and, in your work hours, reminds you to stand and stretch. One click on the reminder starts a short routine that the voice talks you through, so you can follow it with your eyes closed; a picture shows each stretch as well. Your history stays on this computer.</source>
        <translation>stretchtimer wartet im Infobereich und erinnert dich in deiner Arbeitszeit daran, aufzustehen und dich zu dehnen. Ein Klick auf die Erinnerung startet eine kurze Routine, durch die dich die Stimme führt, so dass du ihr mit geschlossenen Augen folgen kannst; ein Bild zeigt zudem jede Dehnung. Dein Verlauf bleibt auf diesem Computer.</translation>
    </message>
    <message>
        <source>Work ends</source>
        <translation>Arbeitsende</translation>
    </message>
    <message>
        <source>Remind me every</source>
        <translation>Erinnere mich alle</translation>
    </message>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Your days have hours of their own; they stay as they are unless you change the hours here.</source>
        <translation>Deine Tage haben eigene Stunden; sie bleiben, wie sie sind, solange du die Stunden hier nicht änderst.</translation>
    </message>
    <message>
        <source>The voice, and starting at login</source>
        <translation>Die Stimme, und Start bei der Anmeldung</translation>
    </message>
    <message>
        <source>&amp;Test the voice</source>
        <translation>Stimme &amp;testen</translation>
    </message>
    <message>
        <source>hamstrings</source>
        <translation>Oberschenkel-Rückseite</translation>
    </message>
    <message>
        <source>hip flexors</source>
        <translation>Hüftbeuger</translation>
    </message>
    <message>
        <source>calves</source>
        <translation>Waden</translation>
    </message>
    <message>
        <source>quadriceps</source>
        <translation>Oberschenkel-Vorderseite</translation>
    </message>
    <message>
        <source>glutes</source>
        <translation>Gesäß</translation>
    </message>
    <message>
        <source>core</source>
        <translation>Rumpf</translation>
    </message>
    <message>
        <source>diaphragm</source>
        <translation>Zwerchfell</translation>
    </message>
    <message>
        <source>feet</source>
        <translation>Füße</translation>
    </message>
    <message>
        <source>legs</source>
        <translation>Beine</translation>
    </message>
    <message>
        <source>neck</source>
        <translation>Nacken</translation>
    </message>
    <message>
        <source>shoulders</source>
        <translation>Schultern</translation>
    </message>
    <message>
        <source>chest</source>
        <translation>Brust</translation>
    </message>
    <message>
        <source>upper back</source>
        <translation>oberer Rücken</translation>
    </message>
    <message>
        <source>lower back</source>
        <translation>unterer Rücken</translation>
    </message>
    <message>
        <source>wrists</source>
        <translation>Handgelenke</translation>
    </message>
    <message>
        <source>forearms</source>
        <translation>Unterarme</translation>
    </message>
    <message>
        <source>Hamstring with a band, lying</source>
        <translation>Oberschenkel-Rückseite mit Band, liegend</translation>
    </message>
    <message>
        <source>Belly breathing, seated</source>
        <translation>Bauchatmung im Sitzen</translation>
    </message>
    <message>
        <source>Calm breaths, leaning back</source>
        <translation>Ruhige Atemzüge, angelehnt</translation>
    </message>
    <message>
        <source>Hip flexor, facing a desk</source>
        <translation>Hüftbeuger am Schreibtisch</translation>
    </message>
    <message>
        <source>Easy lap, walking</source>
        <translation>Lockere Runde im Gehen</translation>
    </message>
    <message>
        <source>Ball under the foot, seated</source>
        <translation>Ball unter dem Fuß, im Sitzen</translation>
    </message>
    <message>
        <source>Core brace, lying</source>
        <translation>Rumpfspannung im Liegen</translation>
    </message>
    <message>
        <source>Runner&apos;s lunge</source>
        <translation>Tiefer Ausfallschritt</translation>
    </message>
    <message>
        <source>Core brace, seated</source>
        <translation>Rumpfspannung im Sitzen</translation>
    </message>
    <message>
        <source>Slow breaths, seated</source>
        <translation>Langsame Atemzüge im Sitzen</translation>
    </message>
    <message>
        <source>Hamstring, on the edge of a chair</source>
        <translation>Oberschenkel-Rückseite auf der Stuhlkante</translation>
    </message>
    <message>
        <source>Slow breaths, standing</source>
        <translation>Langsame Atemzüge im Stehen</translation>
    </message>
    <message>
        <source>Hamstring, standing at a desk</source>
        <translation>Oberschenkel-Rückseite am Schreibtisch</translation>
    </message>
    <message>
        <source>Hamstring, heel on a step</source>
        <translation>Oberschenkel-Rückseite, Ferse auf einer Stufe</translation>
    </message>
    <message>
        <source>Hamstring with a towel, lying</source>
        <translation>Oberschenkel-Rückseite mit Handtuch, liegend</translation>
    </message>
    <message>
        <source>Hamstring up a door frame, lying</source>
        <translation>Oberschenkel-Rückseite am Türrahmen, liegend</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name></name>
    <message numerus="yes">
        <source>%n routine file(s) could not be read and were skipped: {names}. Run stretchtimer --validate FILE to see why.</source>
        <translation>
            <numerusform>%n routine file could not be read and was skipped: {names}. Run stretchtimer --validate FILE to see why.</numerusform>
            <numerusform>%n routine files could not be read and were skipped: {names}. Run stretchtimer --validate FILE to see why.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your history folder {folder} is back: %n record(s) kept on this computer meanwhile were added to it.</source>
        <translation>
            <numerusform>Your history folder {folder} is back: %n record kept on this computer meanwhile was added to it.</numerusform>
            <numerusform>Your history folder {folder} is back: %n records kept on this computer meanwhile were added to it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n session(s) to {file}</source>
        <translation>
            <numerusform>Exported %n session to {file}</numerusform>
            <numerusform>Exported %n sessions to {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (and %n more)</source>
        <translation>
            <numerusform> (and %n more)</numerusform>
            <numerusform> (and %n more)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A routine was changed on two computers (or was in both folders). The newer version is in use; %n other version(s) are kept in {folder}.</source>
        <translation>
            <numerusform>A routine was changed on two computers (or was in both folders). The newer version is in use; %n other version is kept in {folder}.</numerusform>
            <numerusform>A routine was changed on two computers (or was in both folders). The newer version is in use; %n other versions are kept in {folder}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Today: {done} of %n session(s)</source>
        <translation>
            <numerusform>Today: {done} of %n session</numerusform>
            <numerusform>Today: {done} of %n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n-day streak</source>
        <translation>
            <numerusform>%n-day streak</numerusform>
            <numerusform>%n-day streak</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n stretch days this week</source>
        <translation>
            <numerusform>{done} of %n stretch day this week</numerusform>
            <numerusform>{done} of %n stretch days this week</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days with stretching in the last 12 weeks</source>
        <translation>
            <numerusform>%n day with stretching in the last 12 weeks</numerusform>
            <numerusform>%n days with stretching in the last 12 weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n damaged line(s) skipped</source>
        <translation>
            <numerusform>%n damaged line skipped</numerusform>
            <numerusform>%n damaged lines skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) from a newer version kept but not shown</source>
        <translation>
            <numerusform>%n record from a newer version kept but not shown</numerusform>
            <numerusform>%n records from a newer version kept but not shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sessions in all, {completed} completed.</source>
        <translation>
            <numerusform>%n session in all, {completed} completed.</numerusform>
            <numerusform>%n sessions in all, {completed} completed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Fix %n problem(s) first (listed above)</source>
        <translation>
            <numerusform>Fix %n problem first (listed above)</numerusform>
            <numerusform>Fix %n problems first (listed above)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Can’t save yet — %n problem(s):</source>
        <translation>
            <numerusform>Can’t save yet — %n problem:</numerusform>
            <numerusform>Can’t save yet — %n problems:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Followed by ear, %n thing(s) would be missed:</source>
        <translation>
            <numerusform>Followed by ear, %n thing would be missed:</numerusform>
            <numerusform>Followed by ear, %n things would be missed:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n voices from {engine}.</source>
        <translation>
            <numerusform>%n voice from {engine}.</numerusform>
            <numerusform>%n voices from {engine}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your history is kept in {folder}, with the history of %n computer(s).</source>
        <translation>
            <numerusform>Your history is kept in {folder}, with the history of %n computer.</numerusform>
            <numerusform>Your history is kept in {folder}, with the history of %n computers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n seconds</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
</context>
</TS>

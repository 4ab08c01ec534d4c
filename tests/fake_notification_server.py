"""A stand-in notification server (org.freedesktop.Notifications) on a (private) session
bus, written with jeepney as the spec has it: Notify answers a new id and is printed as a
JSON line, CloseNotification closes, and a line "invoke ID KEY" on stdin sends
ActionInvoked, as a user's click would. Usage: python fake_notification_server.py
[--no-actions]"""

import json
import select
import sys

from jeepney import DBusAddress, MessageType, new_error, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

PATH, NAME = "/org/freedesktop/Notifications", "org.freedesktop.Notifications"


def main() -> None:
    actions = "--no-actions" not in sys.argv
    conn = open_dbus_connection(bus="SESSION")
    conn.send_and_get_reply(message_bus.RequestName(NAME))
    emitter = DBusAddress(PATH, interface=NAME)
    last = 0
    print("ready", flush=True)
    while True:
        ready, _, _ = select.select([conn.sock, sys.stdin], [], [], 5)
        if sys.stdin in ready:
            line = sys.stdin.readline()
            if not line:
                return
            _, nid, key = line.split()
            conn.send(new_signal(emitter, "ActionInvoked", "us", (int(nid), key)))
            print(json.dumps({"invoked": [int(nid), key]}), flush=True)
        if conn.sock not in ready:
            continue
        data = conn.sock.recv(65536)
        if not data:
            return
        conn.parser.add_data(data)
        while (msg := conn.parser.get_next_message()) is not None:  # all that came
            if msg.header.message_type != MessageType.method_call:
                continue
            member = msg.header.fields.get(3)  # HeaderFields.member
            if member == "Notify":
                last += 1
                app, replaces, icon, summary, body, acts, hints, timeout = msg.body
                print(json.dumps({"notify": last, "replaces": replaces, "summary": summary,
                                  "body": body, "actions": acts}), flush=True)
                conn.send(new_method_return(msg, "u", (last,)))
            elif member == "CloseNotification":
                print(json.dumps({"close": msg.body[0]}), flush=True)
                conn.send(new_method_return(msg))
                conn.send(new_signal(emitter, "NotificationClosed", "uu", (msg.body[0], 3)))
            elif member == "GetCapabilities":
                conn.send(new_method_return(msg, "as", (["body"] + (["actions"] if actions
                                                                   else []),)))
            elif member == "GetServerInformation":
                conn.send(new_method_return(msg, "ssss", ("fake", "test", "1.0", "1.2")))
            else:
                conn.send(new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod"))


if __name__ == "__main__":
    main()

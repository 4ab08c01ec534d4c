"""A stand-in StatusNotifierWatcher (org.kde.StatusNotifierWatcher, what KDE's and
others' panels run, and what Qt looks for to show a tray icon without XEmbed, as on
Wayland), with a host registered. Each item that registers is printed ("item NAME").
Usage: python fake_sni_watcher.py"""

from jeepney import MessageType, new_error, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

NAME, PATH = "org.kde.StatusNotifierWatcher", "/StatusNotifierWatcher"
XML = f"""<!DOCTYPE node PUBLIC "-//freedesktop//DTD D-BUS Object Introspection 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/introspect.dtd">
<node><interface name="{NAME}">
  <method name="RegisterStatusNotifierItem"><arg name="service" type="s" direction="in"/></method>
  <method name="RegisterStatusNotifierHost"><arg name="service" type="s" direction="in"/></method>
  <property name="RegisteredStatusNotifierItems" type="as" access="read"/>
  <property name="IsStatusNotifierHostRegistered" type="b" access="read"/>
  <property name="ProtocolVersion" type="i" access="read"/>
  <signal name="StatusNotifierItemRegistered"><arg type="s"/></signal>
</interface>
<interface name="org.freedesktop.DBus.Properties">
  <method name="Get"><arg type="s" direction="in"/><arg type="s" direction="in"/>
    <arg type="v" direction="out"/></method>
  <method name="GetAll"><arg type="s" direction="in"/><arg type="a{{sv}}" direction="out"/></method>
</interface></node>"""


def main() -> None:
    conn = open_dbus_connection(bus="SESSION")
    conn.send_and_get_reply(message_bus.RequestName(NAME))
    items: list[str] = []
    print("ready", flush=True)
    while True:
        msg = conn.receive()
        if msg.header.message_type != MessageType.method_call:
            continue
        member = msg.header.fields.get(3)
        props = {"RegisteredStatusNotifierItems": ("as", items),
                 "IsStatusNotifierHostRegistered": ("b", True), "ProtocolVersion": ("i", 0)}
        if member == "Introspect":
            conn.send(new_method_return(msg, "s", (XML,)))
        elif member == "Get" and msg.body[1] in props:
            conn.send(new_method_return(msg, "v", (props[msg.body[1]],)))
        elif member == "GetAll":
            conn.send(new_method_return(msg, "a{sv}", (props,)))
        elif member == "RegisterStatusNotifierItem":
            items.append(msg.body[0])
            print(f"item {msg.body[0]}", flush=True)
            conn.send(new_method_return(msg))
        elif member == "RegisterStatusNotifierHost":
            conn.send(new_method_return(msg))
        else:
            conn.send(new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod"))


if __name__ == "__main__":
    main()

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings.py" line="16"/>
        <source>settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

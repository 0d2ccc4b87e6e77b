<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BackupBox</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_backups.py" line="53" />
        <source>None: only in the data folder</source>
        <translation>未设置：只在本机数据目录</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_backups.py" line="57" />
        <source>Choose the folder</source>
        <translation>选择目录</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_backups.py" line="67" />
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_backups.py" line="72" />
        <source>Second folder</source>
        <translation>第二目录</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_backups.py" line="73" />
        <source>Nightly</source>
        <translation>每晚</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_backups.py" line="74" />
        <source>Copies kept</source>
        <translation>保留份数</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_backups.py" line="101" />
        <source>Backups of this counter (none yet)</source>
        <translation>本机备份（尚无备份）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_backups.py" line="104" />
        <source>nightly</source>
        <translation>每晚</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_backups.py" line="105" />
        <source>after the close</source>
        <translation>日结后</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_backups.py" line="106" />
        <source>by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_backups.py" line="108" />
        <source>Backups of this counter (last: {at}, {reason})</source>
        <translation>本机备份（上次：{at}，{reason}）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_backups.py" line="115" />
        <source>Second backup folder</source>
        <translation>第二备份目录</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_backups.py" line="122" />
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_backups.py" line="134" />
        <source>Backed up: {name}.</source>
        <translation>已备份：{name}。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/settings_backups.py" line="138" />
        <source>A copy is in {folder}.</source>
        <translation>副本在 {folder}。</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CategoryRenameDialog</name>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/category_rename.py" line="18"/>
        <source>Rename a category</source>
        <translation>重命名分类</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/category_rename.py" line="27"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/dialogs/category_rename.py" line="28"/>
        <source>New name</source>
        <translation>新名称</translation>
    </message>
</context>
</TS>

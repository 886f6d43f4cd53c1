-- Chinese strings of the MSI, applied after linking (wixl cannot write non-ASCII table
-- strings; the database code page is 936). One statement per line.
UPDATE `Property` SET `Value` = '审判辅助系统 Trial Assistant' WHERE `Property` = 'ProductName'
UPDATE `Property` SET `Value` = '离线审判辅助系统 / offline trial assistant' WHERE `Property` = 'ARPCOMMENTS'
UPDATE `Directory` SET `DefaultDir` = 'TRIALA~1|审判辅助系统' WHERE `Directory` = 'ProgramMenuDir'
UPDATE `Shortcut` SET `Name` = 'TRIALA~1|审判辅助系统', `Description` = '离线审判辅助系统 / Trial Assistant' WHERE `Shortcut` = 'AppShortcut'

import record

record.ran("zzz.helpers")
VALUE = 42

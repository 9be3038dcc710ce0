import record
import a

record.ran("zzz.other")

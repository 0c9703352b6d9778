"""What is said when the device's storage is full and a save cannot be written
(`fieldapp.store.storage_full`)."""

ZH = {
    "storage_full.refused": "本机存储空间已满，刚才的内容没有保存；之前保存的记录都还在。请在数据文件夹 {folder} 所在的磁盘上删除不用的文件，腾出空间后再试。",
    "storage_full.sync": "本机存储空间已满：本机的记录都还在，没有发出的下次同步时再发；请在数据文件夹 {folder} 所在的磁盘上删除不用的文件，腾出空间后再同步",
}

EN = {
    "storage_full.refused": "This device's storage is full: what you just entered was not saved; everything saved before is kept. Delete files you no longer need on the disk of the data folder {folder}, then try again.",
    "storage_full.sync": "this device's storage is full: every record on this device is kept, and what was not sent goes with the next sync; delete files you no longer need on the disk of the data folder {folder}, then sync again",
}

"""What is said of a file path typed, pasted or scanned that names no usable file
(`fieldapp.services.common.typed_paths`)."""

ZH = {
    "typed_path.unknown_user": "{path}：本机没有用户“{user}”，~{user} 找不到。请写出完整路径（以 / 开头）。",
    "typed_path.too_long": "路径太长，系统无法打开：{path}。请检查是否粘贴了两次，或换一个较短的文件名。",
    "typed_path.no_permission": "没有权限打开 {path}：请把文件复制到自己的文件夹里再试。",
    "typed_path.not_a_file": "{path} 不是普通文件（是设备、管道或套接字）：请填写一个文件的路径。",
}

EN = {
    "typed_path.unknown_user": "{path}: this computer has no user called '{user}' (~{user} would be that user's home folder). Write the full path, starting with /.",
    "typed_path.too_long": "The path is too long for the system to open: {path}. Check that it was not pasted twice, or choose a shorter file name.",
    "typed_path.no_permission": "No permission to open {path}: copy the file into your own folder and try again.",
    "typed_path.not_a_file": "{path} is not a regular file (a device, a pipe or a socket): give the path of a file.",
}

"""`fieldapp admin reader-key …`: API keys of the data feed."""

ZH = {
    "readers.created": "已为“{name}”生成只读 API 密钥（网格 {grids}）。密钥只显示这一次，请妥善保存：",
    "readers.none": "还没有只读 API 密钥；用 `fieldapp admin reader-key create` 生成。",
    "readers.active": "有效",
    "readers.revoked": "已吊销",
    "readers.unknown": "没有有效的密钥 {key_id}；用 `fieldapp admin reader-key list` 查看。",
    "readers.revoked_now": "密钥 {key_id} 已吊销，之后的调用将被拒绝。",
}

EN = {
    "readers.created": "Read-only API key made for '{name}' (grids {grids}). It is shown only now; keep it safe:",
    "readers.none": "No reader API keys yet; make one with `fieldapp admin reader-key create`.",
    "readers.active": "active",
    "readers.revoked": "revoked",
    "readers.unknown": "There is no active key {key_id}; `fieldapp admin reader-key list` lists them.",
    "readers.revoked_now": "Key {key_id} revoked; its next call is refused.",
}

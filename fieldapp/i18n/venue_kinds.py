"""The names of the venue kinds, written once for every catalogue that says them: the
app's lists (`kind.*`), the ledger (`ledger.kind.*`) and the printed placard
(`placard.kind.*`). Not a `catalog_*` module: it holds names, not messages."""

from __future__ import annotations

ZH: dict[str, str] = {
    "market": "农贸市场",
    "hotel": "宾馆",
    "supermarket": "超市",
    "small_shop": "小商场",
    "small_school": "小学校/幼儿园",
    "small_restaurant": "小餐饮",
    "small_hotel": "小旅馆",
    "internet_cafe": "小网吧",
    "small_workshop": "小生产加工企业",
    "rental_housing": "出租房",
    "three_in_one": "三合一场所",
}
EN: dict[str, str] = {
    "market": "Market",
    "hotel": "Hotel",
    "supermarket": "Supermarket",
    "small_shop": "Small shop",
    "small_school": "Small school/kindergarten",
    "small_restaurant": "Small restaurant",
    "small_hotel": "Guesthouse",  # as short as the lists need it: one name everywhere
    "internet_cafe": "Internet café",
    "small_workshop": "Small workshop",
    "rental_housing": "Rental housing",
    "three_in_one": "Three-in-one premises",
}

# Short, for a list's column at 80 columns (the find-venue and home lists).
SHORT_ZH: dict[str, str] = {
    **ZH,
    "market": "农贸市场",
    "small_school": "学校幼儿园",
    "small_workshop": "加工企业",
    "three_in_one": "三合一",
}
SHORT_EN: dict[str, str] = {
    **EN,
    "small_shop": "Shop",
    "small_school": "School",
    "small_restaurant": "Restaurant",
    "internet_cafe": "Net café",
    "small_workshop": "Workshop",
    "rental_housing": "Rental",
    "three_in_one": "Three-in-one",
}

# The placard, read by the public, words four kinds more fully.
PLACARD_EN: dict[str, str] = {
    **EN,
    "market": "Farmers' market",
    "small_school": "Small school / kindergarten",
    "small_hotel": "Small guesthouse",
    "internet_cafe": "Small internet café",
}

# Other names an office's ledger gives a kind, read on import besides the names above.
LEDGER_ZH: dict[str, tuple[str, ...]] = {
    "rental_housing": ("出租屋",),
    "small_hotel": ("旅馆",),
    "internet_cafe": ("网吧",),
}

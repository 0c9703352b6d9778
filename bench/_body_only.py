"""The baseline server of bench_sync_push: a FastAPI route that reads the body and returns.

python bench/_body_only.py --port PORT
"""

from __future__ import annotations

import argparse

import uvicorn
from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/push")
async def push(request: Request) -> dict[str, int]:
    body = await request.body()
    return {"bytes": len(body)}


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    uvicorn.run(app, host="127.0.0.1", port=args.port, access_log=False, log_level="warning")

"""A light audience phone for load tests: Streamlit's own wire protocol, no browser.

A phone in a real hall renders the page on its own device; what it costs the *server* is one Streamlit
session, the script runs its messages ask for, and the two-second fragment reruns. ``Phone`` asks for exactly
those, as the page's JavaScript does, over Streamlit's public wire format (the ``streamlit.proto`` messages
shipped in the package), so a load test can put dozens of audience sessions on one server without dozens of
browser renderers competing with the server for the same cores:

- it loads the page over HTTP first (as a browser does; the server sets its ``_streamlit_xsrf`` cookie), then
  opens ``/_stcore/stream`` with the same subprotocols (``streamlit`` and the XSRF token), the same ``Origin``
  and the same cookies (``_streamlit_xsrf`` and this phone's ``policy_voter`` token: a returning phone whose
  voter cookie is set, so the server's session has its voter from the first run);
- its first message is the page's first ``BackMsg.rerun_script`` (query string, page name, context info);
- each ``ForwardMsg.auto_rerun`` starts a timer that sends the fragment's rerun every ``interval`` seconds,
  as the page's ``setInterval`` does (``fragment_id``, ``is_auto_rerun``), until ``stop_auto_rerun``;
- a click sends the button's trigger (``WidgetState.trigger_value``) with the button's fragment id, as the
  page does for a button inside a fragment.

It draws nothing: it keeps the text of each element it receives (with the time it arrived) so a caller can
wait for what a person would read ("Your vote: …"). tests/test_load_client.py checks it against a real
browser: the server stores its vote as a browser's, one vote per voter token.
"""

from __future__ import annotations

import asyncio
import re
import time
import urllib.request
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import ClientConnection, connect

__all__ = ["Phone"]

_KEYED = re.compile(r"^\$\$ID-[0-9a-f]+-(?P<key>.+)$")


@dataclass
class Received:
    """One element's text as it arrived."""

    at: float  # perf_counter
    text: str


@dataclass
class Phone:
    """One audience session on ``base`` (``http://host:port``), on ``page`` with ``query`` (no leading ?)."""

    base: str
    page: str
    query: str
    voter: str
    cookie_name: str = "policy_voter"
    texts: list[Received] = field(default_factory=list)
    buttons: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (widget id, fragment id)
    runs_finished: int = 0
    messages: int = 0
    bytes_in: int = 0
    _ws: ClientConnection | None = None
    _reader: asyncio.Task[None] | None = None
    _timers: dict[str, tuple[float, asyncio.Task[None]]] = field(default_factory=dict)
    _page_hash: str = ""
    _changed: asyncio.Event = field(default_factory=asyncio.Event)
    error: str = ""

    # -- the session ------------------------------------------------------------------------------------

    def _context(self) -> Any:
        state = BackMsg().rerun_script
        state.query_string = self.query
        info = state.context_info
        info.timezone, info.timezone_offset, info.locale = "UTC", 0, "en-US"
        info.url = f"{self.base}/{self.page}"
        info.is_embedded, info.color_scheme = False, "light"
        return state

    def _rerun(self, fragment: str = "", widgets: list[str] | None = None, auto: bool = False) -> bytes:
        msg = BackMsg()
        msg.rerun_script.CopyFrom(self._context())
        msg.rerun_script.widget_states.SetInParent()
        for widget in widgets or []:
            msg.rerun_script.widget_states.widgets.add(id=widget, trigger_value=True)
        if self._page_hash:
            msg.rerun_script.page_script_hash = self._page_hash
        else:
            msg.rerun_script.page_name = self.page
        if fragment:
            msg.rerun_script.fragment_id = fragment
        if auto:
            msg.rerun_script.is_auto_rerun = True
        return msg.SerializeToString()

    async def open(self, timeout: float = 60) -> Phone:
        """Load the page, connect, and ask for the first run (returns once connected)."""
        url = f"{self.base}/{self.page}?{self.query}"

        def fetch() -> str:
            with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback server
                response.read()
                jar = SimpleCookie()
                for header in response.headers.get_all("Set-Cookie") or []:
                    jar.load(header)
                return jar["_streamlit_xsrf"].value if "_streamlit_xsrf" in jar else ""

        xsrf = await asyncio.to_thread(fetch)
        cookies = [f"{self.cookie_name}={self.voter}"] + ([f"_streamlit_xsrf={xsrf}"] if xsrf else [])
        parts = urlsplit(self.base)
        self._ws = await connect(
            f"ws://{parts.netloc}/_stcore/stream",
            subprotocols=["streamlit", xsrf] if xsrf else ["streamlit"],  # type: ignore[list-item]
            origin=self.base,  # type: ignore[arg-type]
            additional_headers={"Cookie": "; ".join(cookies)},
            max_size=None,
            open_timeout=timeout,
        )
        self._reader = asyncio.create_task(self._read())
        await self._ws.send(self._rerun())
        return self

    async def close(self) -> None:
        for _, task in self._timers.values():
            task.cancel()
        self._timers.clear()
        if self._ws is not None:
            await self._ws.close()
        if self._reader is not None:
            self._reader.cancel()
            try:
                await self._reader
            except (asyncio.CancelledError, Exception):  # noqa: BLE001, S110 - closing
                pass

    async def _tick(self, fragment: str, interval: float) -> None:
        """The page's setInterval: ask for the fragment's rerun every ``interval`` seconds."""
        while True:
            await asyncio.sleep(interval)
            if self._ws is not None:
                await self._ws.send(self._rerun(fragment, auto=True))

    async def _read(self) -> None:
        assert self._ws is not None
        try:
            async for data in self._ws:
                if isinstance(data, str):
                    continue
                self.messages += 1
                self.bytes_in += len(data)
                self._handle(data)
        except Exception as err:  # noqa: BLE001 - the connection closed under us: say so to the waiter
            self.error = f"{type(err).__name__}: {err}"
        finally:
            self._changed.set()

    def _handle(self, data: bytes) -> None:
        msg = ForwardMsg()
        msg.ParseFromString(data)
        kind = msg.WhichOneof("type")
        now = time.perf_counter()
        if kind == "new_session":
            self._page_hash = msg.new_session.page_script_hash
        elif kind == "navigation":  # an st.navigation app: the page this session is on (the browser's hash)
            self._page_hash = msg.navigation.page_script_hash
        elif kind == "page_info_changed":
            self.query = msg.page_info_changed.query_string
        elif kind == "auto_rerun":
            fragment, interval = msg.auto_rerun.fragment_id, float(msg.auto_rerun.interval)
            if fragment and self._timers.get(fragment, (None,))[0] != interval:
                if fragment in self._timers:
                    self._timers.pop(fragment)[1].cancel()
                self._timers[fragment] = (interval, asyncio.create_task(self._tick(fragment, interval)))
        elif kind == "stop_auto_rerun":
            for fragment in msg.stop_auto_rerun.fragment_ids:
                if fragment in self._timers:
                    self._timers.pop(fragment)[1].cancel()
        elif kind == "script_finished":
            self.runs_finished += 1
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            element = msg.delta.new_element
            which = element.WhichOneof("type")
            if which is None:
                return
            body = getattr(element, which)
            if which == "button":
                match = _KEYED.match(body.id)
                if match:
                    self.buttons[match["key"]] = (body.id, msg.delta.fragment_id)
            for attr in ("body", "text", "label"):
                value = getattr(body, attr, None)
                if isinstance(value, str) and value:
                    self.texts.append(Received(now, value))
                    break
        self._changed.set()

    # -- what a person does -----------------------------------------------------------------------------

    async def _until(self, test: Any, timeout: float, what: str) -> Any:
        end = time.monotonic() + timeout
        while True:
            found = test()
            if found:
                return found
            if self.error:
                raise ConnectionError(f"{what}: {self.error}")
            left = end - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"{what}: not within {timeout:.0f} s")
            self._changed.clear()
            try:
                await asyncio.wait_for(self._changed.wait(), timeout=left)
            except TimeoutError:
                pass

    async def wait_button(self, key: str, timeout: float = 60) -> None:
        """Until the page has drawn the button with this key."""
        await self._until(lambda: key in self.buttons, timeout, f"button {key}")

    async def wait_text(self, pattern: str, since: float, timeout: float = 60) -> float:
        """Until an element whose text matches ``pattern`` arrives after ``since``; the time it arrived."""
        rx = re.compile(pattern)

        def seen() -> float | None:
            for r in reversed(self.texts):
                if r.at < since:
                    return None
                if rx.search(r.text):
                    return r.at
            return None

        return float(await self._until(seen, timeout, f"text {pattern!r}"))

    async def click(self, key: str) -> float:
        """Press the button with this key (as the page does); the perf_counter time it was sent."""
        if self._ws is None:
            raise ConnectionError("not connected")
        widget, fragment = self.buttons[key]
        at = time.perf_counter()
        await self._ws.send(self._rerun(fragment, [widget]))
        return at

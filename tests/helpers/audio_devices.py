"""A fake audio system for live-hearing tests: a device list to inject into
``LiveHearingService(list_devices=...)`` (or its ``list_devices`` attribute) and a recorder of
the devices the application opens."""
from __future__ import annotations

COURTROOM_DEVICES = [
    {"index": 0, "name": "内置麦克风", "channels": 2, "default": True},
    {"index": 3, "name": "法庭调音台 USB", "channels": 4, "default": False},
]


class FakeSource:
    """Stands in for an opened input device (nothing is recorded)."""

    sample_rate = 16000

    def __init__(self, device, channels: int) -> None:
        self.device = device
        self.channels = channels
        self.finished = False

    def start(self, callback) -> None:
        """Deliver nothing."""

    def stop(self) -> None:
        """Mark the source finished."""
        self.finished = True


class FakeAudioSystem:
    """Devices the machine "has" (change ``devices`` to plug or unplug); records what is opened."""

    def __init__(self, devices: list[dict] | None = None) -> None:
        self.devices = [dict(d) for d in (COURTROOM_DEVICES if devices is None else devices)]
        self.opened: list[tuple] = []

    def list_devices(self) -> list[dict]:
        """What ``list_input_devices`` would report."""
        return [dict(d) for d in self.devices]

    def device_source(self, device=None, channels=None, name="") -> FakeSource:
        """Open a device like ``LiveHearingService.device_source`` (all channels by default)."""
        if name:
            found = [d for d in self.devices if d["name"] == name]
            if not found:
                raise RuntimeError(f"录音设备“{name}”已不在")
            device = found[0]["index"]
        found = [d for d in self.devices if d["index"] == device] or [d for d in self.devices if d["default"]]
        if not found:
            raise RuntimeError("本机没有可用的录音设备")
        self.opened.append((device, channels))
        return FakeSource(device, channels or found[0]["channels"])

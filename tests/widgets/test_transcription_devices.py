"""The recording-device picker of the live hearing controls, on a fake device list."""
from __future__ import annotations


from app.services.transcription_live import LiveHearingService, channel_map_problem
from tests.helpers.audio_devices import FakeAudioSystem
from widgets.transcription_tab import TranscriptionTab as Tab


class FakeLive:
    hearing_id = None

    def stop(self):
        return 0


def make_tab(qtbot, ctx, system: FakeAudioSystem, case_id=None, record_starts=None):
    tab = Tab(ctx)
    qtbot.addWidget(tab)
    tab.live_service.list_devices = system.list_devices
    tab.live_service.device_source = system.device_source
    if record_starts is not None:
        def start(case, source, channels="", on_segment=None, device=""):
            record_starts.append((case, source, channels, device))
            return FakeLive()
        tab.live_service.start = start
    tab.refresh_devices()
    if case_id is not None:
        tab.set_case(case_id)
    return tab


def test_devices_are_listed_with_channels_and_default_marked(qtbot, fx):
    ctx = fx.clerk()
    tab = make_tab(qtbot, ctx, FakeAudioSystem())
    labels = [tab.device.itemText(i) for i in range(tab.device.count())]
    assert labels == ["内置麦克风（2 声道）［默认］", "法庭调音台 USB（4 声道）"]
    assert tab.selected_device()["name"] == "内置麦克风"  # nothing remembered: the default
    assert tab.device_info.text() == "2 个声道" and tab.device.isEnabled()
    assert ctx.settings["input_device"] == ""  # an automatic choice is not remembered
    tab.shutdown()
    ctx.store.close()


def test_choice_is_remembered_and_seat_map_checked_against_channels(qtbot, fx):
    ctx = fx.clerk()
    system = FakeAudioSystem()
    tab = make_tab(qtbot, ctx, system)
    tab.channels.setText("1=审判长,2=原告,3=被告,4=书记员")
    assert "没有第 3 声道" in tab.channel_check.text()
    tab.device.setCurrentIndex(1)
    assert tab.device_info.text() == "4 个声道" and tab.channel_check.text() == ""
    assert ctx.settings["input_device"] == "法庭调音台 USB"
    tab.channels.setText("1=审判长,2=法官")
    assert "未知的席位角色：法官" in tab.channel_check.text()
    tab.shutdown()

    # A new tab (next start of the application) selects the remembered device again...
    again = make_tab(qtbot, ctx, system)
    assert again.selected_device()["name"] == "法庭调音台 USB"
    # ...and says so when it is unplugged, falling back to the default.
    system.devices = system.devices[:1]
    again.refresh_devices()
    assert again.selected_device()["name"] == "内置麦克风"
    assert "上次使用的“法庭调音台 USB”未连接" in again.device_info.text()
    assert ctx.settings["input_device"] == "法庭调音台 USB"
    again.shutdown()
    ctx.store.close()


def test_live_hearing_records_all_channels_of_the_chosen_device(qtbot, fx, case_id):
    ctx = fx.clerk()
    system, starts = FakeAudioSystem(), []
    tab = make_tab(qtbot, ctx, system, case_id, starts)
    tab.device.setCurrentIndex(1)
    tab.channels.setText("1=审判长,2=原告,3=被告,4=书记员")
    tab.live_button.click()
    qtbot.waitUntil(lambda: tab.live is not None, timeout=10000)
    assert system.opened == [(3, None)]  # device 3, every channel
    (case, source, channels, device), = starts
    assert (case, source.channels, channels, device) == (case_id, 4, "1=审判长,2=原告,3=被告,4=书记员",
                                                         "法庭调音台 USB")
    assert not tab.device.isEnabled() and not tab.refresh_devices_button.isEnabled()
    tab.stop_live_button.click()
    qtbot.waitUntil(lambda: "转写完成" in tab.status.text(), timeout=10000)
    assert tab.device.isEnabled() and tab.refresh_devices_button.isEnabled()
    tab.shutdown()
    ctx.store.close()


def test_seat_map_beyond_the_device_is_refused_before_recording(qtbot, fx, case_id):
    ctx = fx.clerk()
    system, starts = FakeAudioSystem(), []
    tab = make_tab(qtbot, ctx, system, case_id, starts)
    tab.channels.setText("1=审判长,4=原告")  # the default device has 2 channels
    tab.live_button.click()
    assert "声道设置有误" in tab.status.text() and "没有第 4 声道" in tab.status.text()
    assert starts == [] and tab.live is None
    tab.shutdown()
    ctx.store.close()


def test_device_unplugged_after_the_list_was_filled(qtbot, fx, case_id):
    ctx = fx.clerk()
    tab = Tab(ctx)
    qtbot.addWidget(tab)
    system = FakeAudioSystem()
    tab.live_service.list_devices = system.list_devices  # the real device_source, by name
    tab.refresh_devices()
    tab.set_case(case_id)
    tab.device.setCurrentIndex(1)
    system.devices = system.devices[:1]
    tab.live_button.click()
    assert "录音设备“法庭调音台 USB”已不在" in tab.status.text() and tab.live is None
    tab.shutdown()
    ctx.store.close()


def test_no_device_gives_a_clear_message(qtbot, fx, case_id):
    ctx = fx.clerk()
    tab = Tab(ctx)
    qtbot.addWidget(tab)
    tab.live_service.list_devices = FakeAudioSystem([]).list_devices  # the real device_source
    tab.refresh_devices()
    tab.set_case(case_id)
    assert tab.device.count() == 0 and not tab.device.isEnabled()
    assert "未找到录音设备" in tab.device_info.text()
    assert tab.live_button.isEnabled()  # a simulated input can still be used
    tab.live_button.click()
    assert tab.status.text().startswith("无法打开录音设备：本机没有可用的录音设备")
    assert tab.live is None
    tab.shutdown()
    ctx.store.close()


def test_service_normalises_devices_and_checks_seat_maps(fx):
    ctx = fx.clerk()
    service = LiveHearingService(ctx, list_devices=lambda: [{"index": 1, "name": "A", "channels": 2},
                                                            {"index": 2, "name": "Out", "channels": 0}])
    assert service.devices() == [{"index": 1, "name": "A", "channels": 2, "default": False}]

    def broken():
        raise OSError("no audio system")

    assert LiveHearingService(ctx, list_devices=broken).devices() == []
    assert channel_map_problem("1=审判长,2=原告", 2) == ""
    assert channel_map_problem("", 1) == ""
    assert "格式" in channel_map_problem("审判长", 2)
    ctx.store.close()

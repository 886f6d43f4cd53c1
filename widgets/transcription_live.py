"""Live hearing controls of the 庭审笔录 tab (开始实时记录, 休庭, 继续, 结束庭审).

A mixin so the tab module stays small; it uses the tab's ``live_service``, ``live_source_factory``,
``_live_slot``, ``live_segment`` signal, ``channels`` edit (the channel->seat map), status label
and reload methods.

The recording device is picked from ``live_service.devices()`` (name, channel count, the system
default marked); the choice is remembered in the user setting ``input_device`` (by name, since
device numbers change when devices are plugged in or out). Every channel of the device is
recorded; the seat map is checked against the device's channel count as it is typed.
"""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QPushButton

from app.services.transcription_live import channel_map_problem

DEVICE_SETTING = "input_device"


class LiveHearingControls:
    """Start, pause, resume and stop a live hearing; show text as it is recognised."""

    # -- recording device ----------------------------------------------------------------
    def _add_device_controls(self, layout) -> None:
        """Add the device picker, refresh button, channel count and seat-map check to ``layout``."""
        self._filling_devices = False
        self.device = QComboBox()
        self.device.setObjectName("inputDeviceCombo")
        self.device.setToolTip(self.tr("庭审录音设备；录制该设备的全部声道"))
        self.device.currentIndexChanged.connect(lambda _i: self._device_chosen())
        self.refresh_devices_button = QPushButton(self.tr("刷新"))
        self.refresh_devices_button.setObjectName("refreshDevices")
        self.refresh_devices_button.setToolTip(self.tr("重新查找录音设备"))
        self.refresh_devices_button.clicked.connect(lambda: self.refresh_devices())
        self.device_info = QLabel()
        self.device_info.setObjectName("deviceInfo")
        self.channel_check = QLabel()
        self.channel_check.setObjectName("channelMapCheck")
        self.channel_check.setWordWrap(True)
        self.device.setMinimumContentsLength(10)
        self.device.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        for w in (QLabel(self.tr("录音设备")), self.device, self.refresh_devices_button):
            layout.addWidget(w)
        self.device_info.setWordWrap(True)
        # Messages on their own row (the tab's device_row when it has one): they can be long.
        row = getattr(self, "device_row", layout)
        row.addWidget(self.device_info, 3)
        row.addWidget(self.channel_check, 2)
        self.channels.textChanged.connect(lambda _text: self._check_channel_map())
        self.refresh_devices()

    def refresh_devices(self) -> None:
        """Refill the device list; keep the remembered device, else the system default."""
        devices = self.live_service.devices()
        remembered = self.ctx.settings[DEVICE_SETTING]
        self._filling_devices = True
        self.device.clear()
        for d in devices:
            label = self.tr("%1（%2 声道）").replace("%2", str(d["channels"])).replace("%1", d["name"])
            if d["default"]:
                label += self.tr("［默认］")
            self.device.addItem(label, d)
        names = [d["name"] for d in devices]
        if remembered in names:
            self.device.setCurrentIndex(names.index(remembered))
        else:
            defaults = [i for i, d in enumerate(devices) if d["default"]]
            self.device.setCurrentIndex(defaults[0] if defaults else (0 if devices else -1))
        self._filling_devices = False
        self.device.setEnabled(bool(devices) and self.live is None)
        self._device_chosen(remember=False)
        if not devices:
            self.device_info.setText(self.tr("未找到录音设备：请连接话筒或调音台后点“刷新”。"))
        elif remembered and remembered not in names:
            self.device_info.setText(self.device_info.text() + self.tr("（上次使用的“%1”未连接）")
                                     .replace("%1", remembered))

    def selected_device(self) -> dict | None:
        """The chosen recording device (index, name, channels, default), None when there is none."""
        return self.device.currentData()

    def _device_chosen(self, remember: bool = True) -> None:
        device = self.selected_device()
        if device is not None and remember and not self._filling_devices:
            try:
                self.ctx.settings.set(DEVICE_SETTING, device["name"])
            except (PermissionError, ValueError) as exc:
                self.status.setText(str(exc))
        if device is not None:
            self.device_info.setText(self.tr("%n 个声道").replace("%n", str(device["channels"])))
        self._check_channel_map()

    def _check_channel_map(self) -> str:
        """Show whether the seat map fits the chosen device; returns the problem ("" if none)."""
        device = self.selected_device()
        problem = channel_map_problem(self.channels.text().strip(), device["channels"] if device else None)
        if problem:
            self.channel_check.setText(self.tr("声道设置有误：") + problem)
            self.channel_check.setStyleSheet("color: #c62828;")
        else:
            self.channel_check.setText("")
            self.channel_check.setStyleSheet("")
        return problem

    def selected_device_source(self):
        """An input recording every channel of the chosen device (the default live source)."""
        device = self.selected_device()
        if device is None:
            return self.live_service.device_source()
        return self.live_service.device_source(device["index"], name=device["name"])

    # -- live hearing ----------------------------------------------------------------------
    def warm_live(self) -> None:
        """Have the speech model loading while this tab shows a case, so 开始 transcribes at once.

        Only while the tab is on screen: a judge reading case details elsewhere should not pay
        for a few hundred MB of model. Otherwise (or with no case) the warmed child is ended;
        during a hearing nothing changes.
        """
        if self.live is not None:
            return
        if self.case_id is None or not self.isVisible():
            self.live_service.release()
        else:
            self.live_service.warm()

    def start_live(self) -> None:
        """Start recording from the input and show text as utterances end."""
        case_id, channels = self.case_id, self.channels.text().strip()
        from_device = self.live_source_factory == self.selected_device_source
        device = self.selected_device() if from_device else None
        try:
            source = self.live_source_factory()
        except Exception as exc:  # noqa: BLE001 - no device: say so, keep the form
            self.status.setText(self.tr("无法打开录音设备：") + str(exc))
            return
        problem = channel_map_problem(channels, source.channels)
        if problem:
            self.status.setText(self.tr("声道设置有误：") + problem)
            return
        name = device["name"] if device else ""
        self.status.setText(self.tr("正在加载语音模型…"))
        self._live_slot.start(
            lambda progress, cancel: self.live_service.start(case_id, source, channels,
                                                             on_segment=self.live_segment.emit, device=name),
            label="live-start", on_success=self._live_started, on_error=self._failed)

    def _live_started(self, live) -> None:
        self.live = live
        self.device.setEnabled(False)
        self.refresh_devices_button.setEnabled(False)
        self.reload_hearings(live.hearing_id)
        self._update_buttons()
        self.status.setText(self.tr("实时记录中…"))

    def _live_update(self) -> None:
        if self.live is not None and self.hearing_id() == self.live.hearing_id:
            self.reload_segments()
            if self.rows:
                self.table.scrollToBottom()

    def pause_live(self) -> None:
        """休庭: recording pauses; the time is logged."""
        if self.live is not None:
            self.live.pause()
            self.status.setText(self.tr("休庭（已记录时间）"))

    def resume_live(self) -> None:
        """继续: recording goes on; the time is logged."""
        if self.live is not None:
            self.live.resume()
            self.status.setText(self.tr("继续开庭，实时记录中…"))

    def stop_live(self) -> None:
        """End the hearing: finish transcribing what was recorded, keep the recording."""
        live, self.live = self.live, None
        if live is None:
            return
        self.device.setEnabled(self.device.count() > 0)
        self.refresh_devices_button.setEnabled(True)
        self.status.setText(self.tr("正在结束庭审…"))
        self._live_slot.start(lambda progress, cancel: live.stop(), label="live-stop",
                              on_success=self._live_stopped, on_error=self._failed)
        self._update_buttons()

    def _live_stopped(self, count: int) -> None:
        self._transcribed(count)
        self.warm_live()  # ready for the next hearing of the day

<#
.SYNOPSIS
  Windows build: PyInstaller bundle, frozen selftest, then the per-machine x64 MSI.

.DESCRIPTION
  Run from any folder on a Windows build PC with Python 3.11 (py launcher) and either the
  WiX Toolset 3.x (heat, candle, light on PATH or in -WixBin) or msitools' wixl (-Tool wixl,
  e.g. from MSYS2, which then runs installer/build_msi.sh through bash).

    powershell -ExecutionPolicy Bypass -File installer\build.ps1
    powershell -ExecutionPolicy Bypass -File installer\build.ps1 -SkipBundle      # MSI only
    powershell -ExecutionPolicy Bypass -File installer\build.ps1 -Tool wixl
    powershell -ExecutionPolicy Bypass -File installer\build.ps1 -SignThumbprint <SHA1 of the court's code-signing certificate>

  With -SignThumbprint, signtool signs both executables (before the selftest, so the signed
  files are the tested ones) and the MSI, with the certificate of that thumbprint from the
  current user's or machine's store.  -TimestampUrl adds an RFC 3161 timestamp; leave it
  empty on an offline build PC (the signature is then valid only while the certificate is).

  After the MSI is built it is unpacked with an administrative install (msiexec /a, which
  registers nothing) and the unpacked trial-assistant.exe must pass its selftest too
  (-SkipMsiCheck skips this).

  Output: dist\TrialAssistant\ (bundle), dist\selftest.json, dist\TrialAssistant-<version>-x64.msi.
  Fails (non-zero exit) when the build, signing or any selftest check fails.

  NOTE: this script has not yet been run on Windows. The Windows program and MSI that are
  tested are built on Linux under Wine by scripts/build_windows.sh (installed with msiexec and
  self-tested there); see installer/README.md for what still needs a real Windows PC.
#>
param(
    [ValidateSet("wix", "wixl")] [string] $Tool = "wix",
    [string] $WixBin = "",
    [string] $Python = "py",
    [switch] $SkipBundle,
    [switch] $SkipValidation,
    [switch] $SkipMsiCheck,
    [string] $SignThumbprint = "",
    [string] $TimestampUrl = "",
    [string] $SignTool = "signtool.exe"
)
$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

function Invoke-Checked([string] $Exe, [string[]] $Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe failed with exit code $LASTEXITCODE" }
}

function Invoke-Sign([string[]] $Files) {
    if (-not $SignThumbprint) { return }
    $SignArgs = @("sign", "/sha1", $SignThumbprint, "/fd", "SHA256", "/d", "Trial Assistant")
    if ($TimestampUrl) { $SignArgs += @("/tr", $TimestampUrl, "/td", "SHA256") }
    Invoke-Checked $SignTool ($SignArgs + $Files)
    Invoke-Checked $SignTool (@("verify", "/pa") + $Files)
}

function Invoke-Selftest([string] $Exe, [string] $Report) {
    # Offscreen Qt and scratch folders, so the check touches no real data or settings.
    $Scratch = Join-Path ([System.IO.Path]::GetTempPath()) ("ta-selftest-" + [guid]::NewGuid())
    $env:QT_QPA_PLATFORM = "offscreen"
    $env:TRIAL_ASSISTANT_CACHE = Join-Path $Scratch "cache"
    $env:TRIAL_ASSISTANT_CONFIG = Join-Path $Scratch "config"
    $env:TRIAL_ASSISTANT_DATA = Join-Path $Scratch "data"
    $env:TRIAL_ASSISTANT_POLICY = Join-Path $Scratch "no-policy.json"
    try {
        & $Exe selftest --json | Out-File -Encoding utf8 $Report
        $SelftestExit = $LASTEXITCODE
    } finally {
        foreach ($name in "QT_QPA_PLATFORM", "TRIAL_ASSISTANT_CACHE", "TRIAL_ASSISTANT_CONFIG",
                          "TRIAL_ASSISTANT_DATA", "TRIAL_ASSISTANT_POLICY") {
            Remove-Item "Env:$name" -ErrorAction SilentlyContinue
        }
        Remove-Item -Recurse -Force $Scratch -ErrorAction SilentlyContinue
    }
    Get-Content $Report
    if ($SelftestExit -ne 0) { throw "selftest of $Exe failed (exit $SelftestExit): see $Report" }
}

function Test-Msi {
    if ($SkipMsiCheck) { return }
    $Unpacked = Join-Path ([System.IO.Path]::GetTempPath()) ("ta-msi-" + [guid]::NewGuid())
    $Proc = Start-Process msiexec.exe -Wait -PassThru -ArgumentList @("/a", "`"$Msi`"", "/qn", "TARGETDIR=`"$Unpacked`"")
    if ($Proc.ExitCode -ne 0) { throw "msiexec /a failed with exit code $($Proc.ExitCode)" }
    try {
        $Exe = Get-ChildItem -Recurse -Filter trial-assistant.exe $Unpacked | Select-Object -First 1
        if (-not $Exe) { throw "the MSI holds no trial-assistant.exe" }
        Invoke-Selftest $Exe.FullName "dist\selftest-msi.json"
    } finally {
        Remove-Item -Recurse -Force $Unpacked -ErrorAction SilentlyContinue
    }
}

$Version = (Select-String -Path pyproject.toml -Pattern '^version\s*=\s*"([^"]+)"').Matches[0].Groups[1].Value
$Bundle = Join-Path $Root "dist\TrialAssistant"
$Msi = Join-Path $Root "dist\TrialAssistant-$Version-x64.msi"

if (-not $SkipBundle) {
    # 1. Virtual environment with the project, its dependencies and the build extra (PyInstaller).
    $VenvPython = Join-Path $Root ".venv\Scripts\python.exe"
    if (-not (Test-Path $VenvPython)) { Invoke-Checked $Python @("-3.11", "-m", "venv", ".venv") }
    Invoke-Checked $VenvPython @("-m", "pip", "install", "-q", "-e", ".[build]")

    # 2. The onedir bundle (two executables, one _internal folder).
    Invoke-Checked $VenvPython @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", "dist", "--workpath", "build\pyinstaller", "build.spec")

    Invoke-Sign @((Join-Path $Bundle "trial-assistant.exe"), (Join-Path $Bundle "TrialAssistant.exe"))

    # 3. The frozen console executable must pass its own selftest (offscreen, scratch folders).
    Invoke-Selftest (Join-Path $Bundle "trial-assistant.exe") "dist\selftest.json"
    # Models, resources, Qt plugins and every own module are in the bundle; excluded parts are not.
    Invoke-Checked $VenvPython @("installer\check_bundle.py", $Bundle)
}

if ($Tool -eq "wixl") {
    Invoke-Checked "bash" @("installer/build_msi.sh", "dist/TrialAssistant", "dist/TrialAssistant-$Version-x64.msi")
    Invoke-Sign @($Msi)
    Test-Msi
    exit 0
}

# 4. MSI with the WiX Toolset 3: harvest _internal, compile, link.
function Wix([string] $Name) { if ($WixBin) { Join-Path $WixBin "$Name.exe" } else { "$Name.exe" } }
$Obj = Join-Path $Root "build\wix"
New-Item -ItemType Directory -Force $Obj | Out-Null
Invoke-Checked (Wix heat) @("dir", (Join-Path $Bundle "_internal"), "-nologo", "-dr", "INSTALLDIR",
    "-cg", "CG.Bundle", "-gg", "-g1", "-sfrag", "-sreg", "-scom", "-var", "var.BundleInternal",
    "-out", (Join-Path $Obj "bundle.wxs"))
Invoke-Checked (Wix candle) @("-nologo", "-arch", "x64", "-dVersion=$Version", "-dBundleDir=$Bundle",
    "-dBundleInternal=$(Join-Path $Bundle '_internal')", "-dExeSuffix=.exe", "-dWin64=yes",
    "-I$PSScriptRoot", "-out", "$Obj\", (Join-Path $PSScriptRoot "product.wxs"), (Join-Path $Obj "bundle.wxs"))
$LightArgs = @("-nologo", "-cultures:zh-CN", "-out", $Msi, (Join-Path $Obj "product.wixobj"), (Join-Path $Obj "bundle.wixobj"))
if ($SkipValidation) { $LightArgs = @("-sval") + $LightArgs }
Invoke-Checked (Wix light) $LightArgs

# 5. The same post-link SQL as build_msi.sh: component conditions, secure properties,
#    Chinese strings (Windows Installer COM object, transacted).
$Installer = New-Object -ComObject WindowsInstaller.Installer
$Database = $Installer.GetType().InvokeMember("OpenDatabase", "InvokeMethod", $null, $Installer, @($Msi, 1))
foreach ($SqlFile in "policy.sql", "localize.sql") {
    foreach ($Line in Get-Content -Encoding UTF8 (Join-Path $PSScriptRoot $SqlFile)) {
        if (-not $Line.Trim() -or $Line.StartsWith("--")) { continue }
        $View = $Database.GetType().InvokeMember("OpenView", "InvokeMethod", $null, $Database, @($Line))
        $View.GetType().InvokeMember("Execute", "InvokeMethod", $null, $View, $null) | Out-Null
        $View.GetType().InvokeMember("Close", "InvokeMethod", $null, $View, $null) | Out-Null
    }
}
$Database.GetType().InvokeMember("Commit", "InvokeMethod", $null, $Database, $null) | Out-Null
[System.Runtime.InteropServices.Marshal]::ReleaseComObject($Database) | Out-Null
Invoke-Sign @($Msi)
Test-Msi
Write-Host "built $Msi ($([math]::Round((Get-Item $Msi).Length / 1MB)) MB, version $Version)"

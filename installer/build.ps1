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

  Output: dist\TrialAssistant\ (bundle), dist\selftest.json, dist\TrialAssistant-<version>-x64.msi.
  Fails (non-zero exit) when the build or any selftest check fails.
#>
param(
    [ValidateSet("wix", "wixl")] [string] $Tool = "wix",
    [string] $WixBin = "",
    [string] $Python = "py",
    [switch] $SkipBundle,
    [switch] $SkipValidation
)
$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

function Invoke-Checked([string] $Exe, [string[]] $Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe failed with exit code $LASTEXITCODE" }
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

    # 3. The frozen console executable must pass its own selftest (offscreen, scratch folders).
    $Scratch = Join-Path ([System.IO.Path]::GetTempPath()) ("ta-selftest-" + [guid]::NewGuid())
    $env:QT_QPA_PLATFORM = "offscreen"
    $env:TRIAL_ASSISTANT_CACHE = Join-Path $Scratch "cache"
    $env:TRIAL_ASSISTANT_CONFIG = Join-Path $Scratch "config"
    $env:TRIAL_ASSISTANT_DATA = Join-Path $Scratch "data"
    $env:TRIAL_ASSISTANT_POLICY = Join-Path $Scratch "no-policy.json"
    try {
        & (Join-Path $Bundle "trial-assistant.exe") selftest --json | Out-File -Encoding utf8 dist\selftest.json
        $SelftestExit = $LASTEXITCODE
    } finally {
        foreach ($name in "QT_QPA_PLATFORM", "TRIAL_ASSISTANT_CACHE", "TRIAL_ASSISTANT_CONFIG",
                          "TRIAL_ASSISTANT_DATA", "TRIAL_ASSISTANT_POLICY") {
            Remove-Item "Env:$name" -ErrorAction SilentlyContinue
        }
        Remove-Item -Recurse -Force $Scratch -ErrorAction SilentlyContinue
    }
    Get-Content dist\selftest.json
    if ($SelftestExit -ne 0) { throw "frozen selftest failed (exit $SelftestExit): see dist\selftest.json" }
    # Models, resources, Qt plugins and every own module are in the bundle; excluded parts are not.
    Invoke-Checked $VenvPython @("installer\check_bundle.py", $Bundle)
}

if ($Tool -eq "wixl") {
    Invoke-Checked "bash" @("installer/build_msi.sh", "dist/TrialAssistant", "dist/TrialAssistant-$Version-x64.msi")
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
Write-Host "built $Msi ($([math]::Round((Get-Item $Msi).Length / 1MB)) MB, version $Version)"

<#
.SYNOPSIS
  Make a transform (.mst) that carries a court's MSI properties, for Group Policy deployment.

.EXAMPLE
  # In a PowerShell window (a hashtable cannot be passed through "powershell -File"):
  Set-ExecutionPolicy -Scope Process Bypass
  .\make_transform.ps1 -Msi TrialAssistant-0.1.0-x64.msi `
    -Out court.mst -Properties @{ COURTNAME = '北京市朝阳区人民法院'; COURTCODE = '京0105';
                                  DATADIR = 'D:\TrialData'; EXCHANGEDIR = 'E:\Exchange'; AUTOLOCKMINUTES = '10' }

.DESCRIPTION
  Copies the MSI, adds the properties to the copy's Property table, and writes the difference
  to the .mst with the Windows Installer COM object (no extra tools).  The names are the MSI
  properties listed in installer/README.md; unknown names are refused.  Save this file as
  UTF-8 with BOM (or pass the values from a script that is) so Chinese values survive.
#>
param(
    [Parameter(Mandatory = $true)] [string] $Msi,
    [Parameter(Mandatory = $true)] [string] $Out,
    [Parameter(Mandatory = $true)] [hashtable] $Properties
)
$ErrorActionPreference = "Stop"
$Known = @("INSTALLDIR", "DATADIR", "EXCHANGEDIR", "MODELDIR", "COURTNAME", "COURTCODE", "PLATFORMKEY",
           "AUTOLOCKMINUTES", "LOCKOUTATTEMPTS", "LOCKOUTMINUTES", "DEADLINEWARNINGDAYS", "INBOXSCANSECONDS",
           "EXCHANGEMAXMB",
           "LANGUAGE", "ASSISTTRANSCRIPTION", "ASSISTCATALOGUING", "ASSISTDRAFTING", "ASSISTREVIEW")
foreach ($Name in $Properties.Keys) {
    if ($Known -notcontains $Name.ToUpper()) { throw "unknown property $Name (known: $($Known -join ', '))" }
}

function Invoke-Com($Object, [string] $Method, [object[]] $Arguments) {
    $Object.GetType().InvokeMember($Method, "InvokeMethod", $null, $Object, $Arguments)
}

$Base = (Resolve-Path $Msi).Path
$OutPath = [System.IO.Path]::GetFullPath($Out)
$Work = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), "ta-transform-" + [guid]::NewGuid() + ".msi")
Copy-Item $Base $Work
try {
    $Installer = New-Object -ComObject WindowsInstaller.Installer
    $Changed = Invoke-Com $Installer "OpenDatabase" @($Work, 1)          # transacted
    foreach ($Entry in $Properties.GetEnumerator()) {
        $Name = $Entry.Key.ToUpper()
        $Value = ([string] $Entry.Value).Replace("'", "''")
        foreach ($Sql in @("DELETE FROM ``Property`` WHERE ``Property`` = '$Name'",
                          "INSERT INTO ``Property`` (``Property``, ``Value``) VALUES ('$Name', '$Value')")) {
            $View = Invoke-Com $Changed "OpenView" @($Sql)
            Invoke-Com $View "Execute" $null | Out-Null
            Invoke-Com $View "Close" $null | Out-Null
        }
    }
    Invoke-Com $Changed "Commit" $null | Out-Null
    $Original = Invoke-Com $Installer "OpenDatabase" @($Base, 0)       # read-only
    Invoke-Com $Changed "GenerateTransform" @($Original, $OutPath) | Out-Null
    Invoke-Com $Changed "CreateTransformSummaryInfo" @($Original, $OutPath, 0, 0) | Out-Null
    [System.Runtime.InteropServices.Marshal]::ReleaseComObject($Changed) | Out-Null
    [System.Runtime.InteropServices.Marshal]::ReleaseComObject($Original) | Out-Null
} finally {
    Remove-Item $Work -ErrorAction SilentlyContinue
}
Write-Host "wrote $OutPath"

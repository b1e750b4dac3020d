# Build the Windows installer: fresh venv -> app + PyInstaller -> bundle -> self-test -> Inno Setup.
# Run in PowerShell from the project folder (needs Python 3.11+ and Inno Setup 6):
#   powershell -ExecutionPolicy Bypass -File scripts\build_windows.ps1
# Output: dist\installer\fusion-assessor-<version>-setup.exe. CI cannot run this (no Windows).
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

function Invoke-Checked {  # run a program; stop if it fails (no param block: "-e", "-m" pass through)
    $exe, $rest = $args
    & $exe @rest
    if ($LASTEXITCODE -ne 0) { throw "$args failed with exit code $LASTEXITCODE" }
}

if (-not (Test-Path .venv)) { Invoke-Checked python -m venv .venv }
$py = ".venv\Scripts\python.exe"
Invoke-Checked $py -m pip install --upgrade pip
Invoke-Checked $py -m pip install -e ".[build]"

# The version, from pyproject.toml through the installed metadata (the only place it is written).
$version = (& $py -m core --version).Split(" ")[-1]
Write-Host "fusion-assessor $version"

Invoke-Checked $py -m PyInstaller build.spec --noconfirm

# The bundle is windowed (no console): wait for it and read its exit code.
$env:QT_QPA_PLATFORM = "offscreen"
$test = Start-Process -FilePath "dist\fusion-assessor\fusion-assessor.exe" -ArgumentList "--self-test" -Wait -PassThru
Remove-Item Env:QT_QPA_PLATFORM
if ($test.ExitCode -ne 0) { throw "self-test of the bundle failed (exit code $($test.ExitCode))" }
Write-Host "self-test passed"

$iscc = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"
if (-not (Test-Path $iscc)) { $iscc = Join-Path $env:LOCALAPPDATA "Programs\Inno Setup 6\ISCC.exe" }
$zh = Join-Path (Split-Path -Parent $iscc) "Languages\ChineseSimplified.isl"
if (-not (Test-Path $zh)) { throw "missing $zh : copy ChineseSimplified.isl from https://jrsoftware.org/files/istrans/" }
Invoke-Checked $iscc "/DAppVersion=$version" installer\fusion-assessor.iss
Get-ChildItem dist\installer\*.exe | ForEach-Object { Write-Host "installer: $($_.FullName) ($([math]::Round($_.Length / 1MB)) MB)" }

; Inno Setup 6 script (saved as UTF-8 with BOM: Inno Setup reads BOM-less scripts in the ANSI code page): per-user installer for the one-folder bundle (dist\fusion-assessor\).
; Built by scripts\build_windows.ps1, which passes the version from pyproject.toml:
;   iscc /DAppVersion=0.1.0 installer\fusion-assessor.iss
; No administrator rights: installs under %LOCALAPPDATA%\Programs, Start-menu entry, uninstaller.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=<version from pyproject.toml>
#endif

#define AppName "两创融合评估"
#define AppExe "fusion-assessor.exe"

[Setup]
AppId={{6F1C2B8E-4D3A-4E57-9B0C-5A7E2F1D9C43}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\fusion-assessor
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExe}
SetupIconFile=..\resources\icons\fusion-assessor.ico
OutputDir=..\dist\installer
OutputBaseFilename=fusion-assessor-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763

[Languages]
; ChineseSimplified.isl ships with recent Inno Setup 6 releases; with an older one, copy it from
; https://jrsoftware.org/files/istrans/ into Inno Setup's Languages folder (build_windows.ps1 checks).
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\dist\fusion-assessor\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

# escape=`

FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
COPY testfile.txt c:\
COPY app\bin\ C:\app\
RUN New-Item -ItemType Directory C:\Example `
    ; Add-Content C:\Example\log.txt "line" `
    ; dir c:\
WORKDIR C:\app
ENV PATH="C:\app;C:\Windows\system32" `
    APP_HOME=C:\app
ENTRYPOINT ["C:\\app\\app.exe"]

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <source>Local</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wharf::App::Cli</name>
    <message>
        <source>&quot;ps&quot; takes no arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad filter &quot;%1&quot;: use KEY=VALUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs an image: wharfctl %1 [OPTIONS] IMAGE [COMMAND...]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown flag: -d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--rm and --restart cannot be used together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WARNING: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown flag: -t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-t needs a number of seconds, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown flag: --signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: wharfctl rename CONTAINER NEW_NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the new name is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;update&quot; needs at least one of --memory, --cpus, --restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;inspect&quot; needs at least one name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such object: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: wharfctl logs [OPTIONS] CONTAINER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--tail needs a number or &quot;all&quot;, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: wharfctl top CONTAINER [ps OPTIONS]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such container: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: wharfctl exec [OPTIONS] CONTAINER COMMAND [ARG...]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: wharfctl cp CONTAINER:SRC DEST | SRC CONTAINER:DEST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copying needs exactly one side in a container (CONTAINER:PATH)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the path in the container is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container sent an empty archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot copy a folder onto the file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::ContainerSpec</name>
    <message>
        <source>&quot;%1&quot; is not a port number (1 to 65535).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a memory size. Use a number with an optional unit b, k, m or g (for example 64m).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is too large a memory size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A memory limit of %1 is below the minimum Docker allows (6 MiB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number of CPUs (for example 0.5 or 2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A port mapping is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the protocol must be tcp, udp or sctp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has an unclosed [ in its address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port mapping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port mapping. Use [IP:]HOST:CONTAINER[/tcp|udp].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the mode must be ro or rw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a volume. Use SOURCE:TARGET[:ro].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the path inside the container must be absolute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the source is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid volume name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: use on-failure or on-failure:N.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a restart policy (no, always, unless-stopped, on-failure[:N]).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an environment variable. Use NAME=value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid container name: use letters, digits, _ . and -, at least two characters, starting with a letter or digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels starting with %1 are reserved for Wharf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A label needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an image reference (it contains a space).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host port %1 is mapped twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::DockerClient</name>
    <message>
        <source>%1 does not look like a Docker Engine (no API version in its answer to /_ping).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Docker Engine at %1 speaks API %2; Wharf needs 1.%3 or newer (Docker 20.10+). Upgrade the engine.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::DockerJob</name>
    <message>
        <source>The connection was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The daemon answered with HTTP status %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was canceled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::Endpoint</name>
    <message>
        <source>The host address is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A unix:// address needs an absolute socket path, like unix:///var/run/docker.sock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An npipe:// address needs a pipe name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid host address. Use unix:///path, tcp://host:port or ssh://user@host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port in &quot;%1&quot; is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is plain, unencrypted TCP: anyone on the network could take over the host. Use TLS (--tlsverify with certificates), or mark the host as a lab host to allow it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported address scheme &quot;%1&quot;. Use unix://, tcp:// or ssh://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS needs the CA certificate that signed the daemon&apos;s certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no usable private key (RSA or EC, PEM, unencrypted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH hosts are not supported by this build yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::FrameDemuxer</name>
    <message>
        <source>The output stream has a malformed frame header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An output frame of %1 bytes exceeds the limit of %2 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::HttpJob</name>
    <message>
        <source>The daemon did not answer in time (%1 s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the daemon timed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was canceled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::HttpResponseParser</name>
    <message>
        <source>The response headers are larger than %1 KiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The daemon sent a malformed HTTP response (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection closed before a complete response arrived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection closed in the middle of the response body.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::JsonLineSplitter</name>
    <message>
        <source>A streamed message exceeds %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::LocalTransport</name>
    <message>
        <source>the socket does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection refused (is the daemon running?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permission denied (is your user in the docker group?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect to the Docker daemon at %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::Tar</name>
    <message>
        <source>The archive is truncated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive entry &quot;%1&quot; points outside the destination.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::TcpTransport</name>
    <message>
        <source>The TLS certificate of %1 was rejected: %2. Check the CA certificate and the host name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect to the Docker daemon at %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wharf::Models::ContainerListModel</name>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wharf::Models::EventListModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wharf::Models::HostConnection</name>
    <message>
        <source>Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting (attempt %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The daemon closed the event stream.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create volume %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove volume %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create network %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove network %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wharf::Models::HostStore</name>
    <message>
        <source>Cannot read the host list %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host list %1 is damaged (%2); it was left as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the host list %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the host a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A host named &quot;%1&quot; exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such host.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wharf::Models::ResourceListModel</name>
    <message>
        <source>Unused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Driver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mount point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subnet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wharf::Models::StatsFeed</name>
    <message>
        <source>The stats stream ended.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wharf::Models::TaskModel</name>
    <message>
        <source>%1  %2 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2: done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2: failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::AddHostDialog</name>
    <message>
        <source>Add Docker host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Local, Cloud, Lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use TLS (tcp:// hosts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate (ca.pem)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client certificate (cert.pem)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client key (key.pem)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lab host: allow plain, unencrypted tcp://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::ContainerDetailsDialog</name>
    <message>
        <source>Container %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the container: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entrypoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart policy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read-write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timestamps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the logs to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log stream stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a command in the container with a terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a command, for example /bin/sh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start the command: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session ended: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session ended.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::ContainersPage</name>
    <message>
        <source>Remove containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name, image, state, ports…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Remove %n container(s): %1?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Running containers are stopped first: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::CreateContainerDialog</name>
    <message>
        <source>Create container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional; the daemon picks one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image&apos;s default, e.g. httpd -f -p 80</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME=value, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[IP:]HOST:CONTAINER[/udp], one per line, e.g. 127.0.0.1:8080:80</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VOLUME_OR_HOST_PATH:/path/in/container[:ro], one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit, e.g. 256m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit, e.g. 0.5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the container after creating it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Entrypoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En&amp;vironment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ports:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Volumes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Memory limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;PU limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restart policy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;twork:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command: a quote is not closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entrypoint: a quote is not closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ports: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volumes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory limit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU limit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart policy: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::EventsPage</name>
    <message>
        <source>All types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::MainWindow</name>
    <message>
        <source>Wharf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;No Docker host yet&lt;/h2&gt;&lt;p&gt;Add a host to manage its containers, volumes and networks: the local socket, a TLS endpoint or (soon) SSH.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add host…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add host…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Wharf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Wharf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Wharf&lt;/b&gt; %1&lt;br&gt;A native console for Docker hosts and container clouds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Networks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::ResourcePage</name>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter networks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is in use by: %1. The daemon will refuse while they exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::StatsCharts</name>
    <message>
        <source>CPU %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory (MiB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network (KiB/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block I/O (KiB/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wharfctl</name>
    <message>
        <source>unknown flag: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flag needs an argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: wharfctl [-H|--host URL] [--tlsverify --tlscacert F --tlscert F --tlskey F] [-o|--output table|json] COMMAND

Commands:
  version, info, events      the daemon and its event stream
  ps, create, run            list and create containers
  start, stop, restart, kill, pause, unpause, rm, rename, update
  inspect, logs, stats, top, exec, cp
  volume ls|create|inspect|rm|prune
  network ls|create|inspect|connect|disconnect|rm

The host comes from -H, else DOCKER_HOST, else the local socket.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--output must be table or json, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;; see wharfctl --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs at least one name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad filter &quot;%1&quot;: use KEY=VALUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad %1 &quot;%2&quot;: use KEY=VALUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: wharfctl volume ls|create|inspect|rm|prune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: wharfctl network create [OPTIONS] NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: wharfctl network %1 NETWORK CONTAINER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: wharfctl network ls|create|inspect|connect|disconnect|rm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;version&quot; takes no arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;info&quot; takes no arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;events&quot; takes no arguments</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

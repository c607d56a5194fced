<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Backends</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>DeployJournal</name>
    <message>
        <source>The deploy journal of %1 has an unknown state &quot;%2&quot;.</source>
        <translation>%1 的部署日志含有未知状态“%2”。</translation>
    </message>
    <message>
        <source>The deploy journal of %1 has an entry of an unknown kind &quot;%2&quot;.</source>
        <translation>%1 的部署日志含有未知类型的条目“%2”。</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Local</source>
        <translation>本地</translation>
    </message>
</context>
<context>
    <name>Wharf::App::Cli</name>
    <message>
        <source>&quot;ps&quot; takes no arguments</source>
        <translation>&quot;ps&quot; 不接受参数</translation>
    </message>
    <message>
        <source>bad filter &quot;%1&quot;: use KEY=VALUE</source>
        <translation>过滤条件 &quot;%1&quot; 无效：请使用 KEY=VALUE</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs an image: wharfctl %1 [OPTIONS] IMAGE [COMMAND...]</source>
        <translation>&quot;%1&quot; 需要一个镜像：wharfctl %1 [选项] 镜像 [命令...]</translation>
    </message>
    <message>
        <source>unknown flag: -d</source>
        <translation>未知选项：-d</translation>
    </message>
    <message>
        <source>--rm and --restart cannot be used together</source>
        <translation>--rm 与 --restart 不能同时使用</translation>
    </message>
    <message>
        <source>WARNING: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>unknown flag: -t</source>
        <translation>未知选项：-t</translation>
    </message>
    <message>
        <source>-t needs a number of seconds, not &quot;%1&quot;</source>
        <translation>-t 需要秒数，而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unknown flag: --signal</source>
        <translation>未知选项：--signal</translation>
    </message>
    <message>
        <source>usage: wharfctl rename CONTAINER NEW_NAME</source>
        <translation>用法：wharfctl rename 容器 新名称</translation>
    </message>
    <message>
        <source>the new name is empty</source>
        <translation>新名称为空</translation>
    </message>
    <message>
        <source>&quot;update&quot; needs at least one of --memory, --cpus, --restart</source>
        <translation>&quot;update&quot; 至少需要 --memory、--cpus、--restart 之一</translation>
    </message>
    <message>
        <source>&quot;inspect&quot; needs at least one name</source>
        <translation>&quot;inspect&quot; 至少需要一个名称</translation>
    </message>
    <message>
        <source>No such object: %1</source>
        <translation>没有这个对象：%1</translation>
    </message>
    <message>
        <source>usage: wharfctl logs [OPTIONS] CONTAINER</source>
        <translation>用法：wharfctl logs [选项] 容器</translation>
    </message>
    <message>
        <source>--tail needs a number or &quot;all&quot;, not &quot;%1&quot;</source>
        <translation>--tail 需要一个数字或 &quot;all&quot;，而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>usage: wharfctl top CONTAINER [ps OPTIONS]</source>
        <translation>用法：wharfctl top 容器 [ps 选项]</translation>
    </message>
    <message>
        <source>No such container: %1</source>
        <translation>没有这个容器：%1</translation>
    </message>
    <message>
        <source>usage: wharfctl exec [OPTIONS] CONTAINER COMMAND [ARG...]</source>
        <translation>用法：wharfctl exec [选项] 容器 命令 [参数...]</translation>
    </message>
    <message>
        <source>usage: wharfctl cp CONTAINER:SRC DEST | SRC CONTAINER:DEST</source>
        <translation>用法：wharfctl cp 容器:源 目标 | 源 容器:目标</translation>
    </message>
    <message>
        <source>copying needs exactly one side in a container (CONTAINER:PATH)</source>
        <translation>复制时必须恰好有一端位于容器内（容器:路径）</translation>
    </message>
    <message>
        <source>the path in the container is empty</source>
        <translation>容器内的路径为空</translation>
    </message>
    <message>
        <source>The container sent an empty archive.</source>
        <translation>容器返回了一个空的归档。</translation>
    </message>
    <message>
        <source>Cannot copy a folder onto the file %1.</source>
        <translation>不能把文件夹复制到文件 %1 上。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message numerus="yes">
        <source>WARNING: %n special file(s) (devices, FIFOs, sockets) were not copied.</source>
        <translation>
            <numerusform>警告：有 %n 个特殊文件（设备、FIFO、套接字）未被复制。</numerusform>
        </translation>
    </message>
    <message>
        <source>No saved host is named &quot;%1&quot; (see wharfctl host ls); an address looks like unix:///path or tcp://host:port.</source>
        <translation>没有名为 &quot;%1&quot; 的已保存主机（参见 wharfctl host ls）；地址的形式如 unix:///路径 或 tcp://主机:端口。</translation>
    </message>
    <message>
        <source>The TLS key of host &quot;%1&quot; is missing from the keychain; add the host again.</source>
        <translation>钥匙串中缺少主机 &quot;%1&quot; 的 TLS 私钥；请重新添加该主机。</translation>
    </message>
    <message>
        <source>usage: wharfctl host ls</source>
        <translation>用法：wharfctl host ls</translation>
    </message>
    <message>
        <source>yes (key in keychain)</source>
        <translation>是（私钥在钥匙串中）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no (lab)</source>
        <translation>否（实验主机）</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>GROUP</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <source>usage: wharfctl host rm NAME</source>
        <translation>用法：wharfctl host rm 名称</translation>
    </message>
    <message>
        <source>No saved host is named &quot;%1&quot;.</source>
        <translation>没有名为 &quot;%1&quot; 的已保存主机。</translation>
    </message>
    <message>
        <source>usage: wharfctl host test NAME</source>
        <translation>用法：wharfctl host test 名称</translation>
    </message>
    <message>
        <source>Connected to %1 (%2)</source>
        <translation>已连接到 %1（%2）</translation>
    </message>
    <message>
        <source>Engine:      Docker %1, API %2</source>
        <translation>引擎：      Docker %1，API %2</translation>
    </message>
    <message>
        <source>System:      %1, kernel %2</source>
        <translation>系统：      %1，内核 %2</translation>
    </message>
    <message>
        <source>CPUs:        %1</source>
        <translation>CPU：       %1</translation>
    </message>
    <message>
        <source>Memory:      %1</source>
        <translation>内存：      %1</translation>
    </message>
    <message>
        <source>Containers:  %1 (%2 running)</source>
        <translation>容器：      %1（%2 个运行中）</translation>
    </message>
    <message>
        <source>Wrong passphrase. Passphrase for %1: </source>
        <translation>口令错误。请输入 %1 的口令：</translation>
    </message>
    <message>
        <source>Passphrase for %1: </source>
        <translation>请输入 %1 的口令：</translation>
    </message>
    <message>
        <source>Wrong password. Password for %1: </source>
        <translation>密码错误。请输入 %1 的密码：</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>请输入 %1 的密码：</translation>
    </message>
    <message>
        <source>The SSH key %1 does not exist.</source>
        <translation>SSH 私钥 %1 不存在。</translation>
    </message>
    <message>
        <source>usage: wharfctl host add NAME URL [--group G] [--tlsverify --tlscacert F --tlscert F --tlskey F] [--lab] [--ssh-key F] [--ssh-client libssh2|openssh]</source>
        <translation>用法：wharfctl host add 名称 URL [--group 分组] [--tlsverify --tlscacert 文件 --tlscert 文件 --tlskey 文件] [--lab] [--ssh-key 文件] [--ssh-client libssh2|openssh]</translation>
    </message>
    <message>
        <source>--ssh-client must be libssh2 or openssh, not &quot;%1&quot;</source>
        <translation>--ssh-client 只能是 libssh2 或 openssh，不能是“%1”</translation>
    </message>
    <message>
        <source>usage: wharfctl [--known-hosts FILE] host forget-key NAME|HOST[:PORT]</source>
        <translation>用法：wharfctl [--known-hosts 文件] host forget-key 名称|主机[:端口]</translation>
    </message>
    <message>
        <source>Host &quot;%1&quot; is not an ssh:// host.</source>
        <translation>主机“%1”不是 ssh:// 主机。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither a saved host nor HOST[:PORT].</source>
        <translation>“%1”既不是已保存的主机，也不是 主机[:端口]。</translation>
    </message>
    <message>
        <source>No key for %1 in %2.</source>
        <translation>%2 中没有 %1 的密钥。</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n key(s) for %1 from %2.</source>
        <translation>
            <numerusform>已从 %2 中删除 %1 的 %n 个密钥。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 also lists it; Wharf only reads that file: ssh-keygen -R &apos;%2&apos; removes it there.</source>
        <translation>%1 中也有该密钥；Wharf 只读取该文件：请用 ssh-keygen -R &apos;%2&apos; 在那里删除。</translation>
    </message>
    <message>
        <source>usage: wharfctl [-H HOST] meter   (one metering tick for the host; run it from cron or use the controller)</source>
        <translation>用法：wharfctl [-H 主机] meter   （为主机计量一次；可由 cron 运行，或使用 controller）</translation>
    </message>
    <message>
        <source>Metered %1: %2 runs started, %3 stopped, %4 resource-hours written (%5 to %6)</source>
        <translation>已计量 %1：%2 次运行开始，%3 次停止，写入 %4 条资源小时记录（%5 至 %6）</translation>
    </message>
    <message>
        <source>%1 gone, %2 stale, %3 untracked, %4 drifted</source>
        <translation>%1 个已消失，%2 个过期预留，%3 个未登记，%4 个计数偏差</translation>
    </message>
    <message>
        <source>gone:      %1 (removed outside Wharf; its quota is given back)</source>
        <translation>已消失：  %1（在 Wharf 之外被删除；配额已归还）</translation>
    </message>
    <message>
        <source>stale:     %1 (a reservation whose request never finished)</source>
        <translation>过期：    %1（请求未完成的预留）</translation>
    </message>
    <message>
        <source>adopted:   %1</source>
        <translation>已接管：  %1</translation>
    </message>
    <message>
        <source>untracked: %1 (labelled for a tenant but not recorded; --adopt counts it)</source>
        <translation>未登记：  %1（带有租户标签但未记录；--adopt 可将其计入）</translation>
    </message>
    <message>
        <source>drift:     %1 had %2 containers, %3 CPUs counted; now %4, %5</source>
        <translation>偏差：    %1 原计 %2 个容器、%3 个 CPU；现为 %4、%5</translation>
    </message>
    <message>
        <source>No drift: the quota counters match what %1 runs.</source>
        <translation>无偏差：配额计数与 %1 上实际运行的一致。</translation>
    </message>
    <message>
        <source>usage: wharfctl bill TENANT [--period hour|day|month] [--from D --to D] [-o table|json|csv]</source>
        <translation>用法：wharfctl bill 租户 [--period hour|day|month] [--from 日期 --to 日期] [-o table|json|csv]</translation>
    </message>
    <message>
        <source>usage: wharfctl bill TENANT [--period hour|day|month] [--from D --to D]</source>
        <translation>用法：wharfctl bill 租户 [--period hour|day|month] [--from 日期 --to 日期]</translation>
    </message>
    <message>
        <source>There is no tenant named &quot;%1&quot;.</source>
        <translation>没有名为“%1”的租户。</translation>
    </message>
    <message>
        <source>PERIOD</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>ITEM</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>RESOURCE</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>QUANTITY</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>AMOUNT</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Total for %1 from %2 to %3: %4</source>
        <translation>%1 自 %2 至 %3 合计：%4</translation>
    </message>
    <message>
        <source>--interval needs a number of seconds</source>
        <translation>--interval 需要秒数</translation>
    </message>
    <message>
        <source>Controller for %1 stopped; lease released.</source>
        <translation>%1 的控制器已停止；租约已释放。</translation>
    </message>
    <message>
        <source>Another controller holds the lease for %1; waiting.</source>
        <translation>另一个控制器持有 %1 的租约；正在等待。</translation>
    </message>
    <message>
        <source>Holding the control lease for %1.</source>
        <translation>已持有 %1 的控制租约。</translation>
    </message>
    <message>
        <source>name the containers to watch: wharfctl stats NAME...</source>
        <translation>请指定要查看的容器：wharfctl stats 名称...</translation>
    </message>
    <message>
        <source>This database role belongs to tenant &quot;%1&quot;; it cannot act as &quot;%2&quot;.</source>
        <translation>此数据库角色属于租户“%1”，不能以“%2”的身份操作。</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Schema:   %1 (this wharfctl knows %2)</source>
        <translation>架构：    %1（此 wharfctl 支持到 %2）</translation>
    </message>
    <message>
        <source>Role:     %1%2</source>
        <translation>角色：    %1%2</translation>
    </message>
    <message>
        <source> (tenant %1)</source>
        <translation>（租户 %1）</translation>
    </message>
    <message>
        <source>db login needs a PostgreSQL address: wharfctl --db postgresql://user@host:port/db db login --password-stdin</source>
        <translation>db login 需要 PostgreSQL 地址：wharfctl --db postgresql://用户@主机:端口/数据库 db login --password-stdin</translation>
    </message>
    <message>
        <source>Login Succeeded (%1; the password is in the keychain)</source>
        <translation>登录成功（%1；密码已保存在钥匙串中）</translation>
    </message>
    <message>
        <source>usage: wharfctl [--db URL] db status|migrate|login [--password-stdin]</source>
        <translation>用法：wharfctl [--db URL] db status|migrate|login [--password-stdin]</translation>
    </message>
    <message>
        <source>%1 needs a whole number, not &quot;%2&quot;</source>
        <translation>%1 需要整数，而不是“%2”</translation>
    </message>
    <message>
        <source>a plan needs --max-containers N --cpus C --memory M</source>
        <translation>套餐需要 --max-containers N --cpus C --memory M</translation>
    </message>
    <message>
        <source>a plan needs --price-hour P or --price-month P (or --free for a free tier)</source>
        <translation>套餐需要 --price-hour 价格 或 --price-month 价格（免费套餐用 --free）</translation>
    </message>
    <message>
        <source>free</source>
        <translation>免费</translation>
    </message>
    <message>
        <source>%1/h</source>
        <translation>%1/小时</translation>
    </message>
    <message>
        <source>%1/month</source>
        <translation>%1/月</translation>
    </message>
    <message>
        <source>CONTAINERS</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>CPUS</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>MEMORY</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>DISK</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>PRICE</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>REVISION</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>usage: wharfctl plan create|update|show|rm NAME [flags]</source>
        <translation>用法：wharfctl plan create|update|show|rm 名称 [选项]</translation>
    </message>
    <message>
        <source>Plan:            %1 (revision %2)</source>
        <translation>套餐：          %1（版本 %2）</translation>
    </message>
    <message>
        <source>Containers:      %1</source>
        <translation>容器：          %1</translation>
    </message>
    <message>
        <source>CPUs:            %1</source>
        <translation>CPU：           %1</translation>
    </message>
    <message>
        <source>Memory:          %1</source>
        <translation>内存：          %1</translation>
    </message>
    <message>
        <source>Disk:            %1</source>
        <translation>磁盘：          %1</translation>
    </message>
    <message>
        <source>not limited</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Bandwidth:       %1</source>
        <translation>带宽：          %1</translation>
    </message>
    <message>
        <source>Price:           %1</source>
        <translation>价格：          %1</translation>
    </message>
    <message>
        <source>free tier</source>
        <translation>免费套餐</translation>
    </message>
    <message>
        <source>%1 per hour</source>
        <translation>每小时 %1</translation>
    </message>
    <message>
        <source>%1 per month</source>
        <translation>每月 %1</translation>
    </message>
    <message>
        <source>Usage prices:    %1 per CPU-hour, %2 per GiB-hour of memory, %3 per GiB-day of disk</source>
        <translation>用量单价：      每 CPU 小时 %1，每 GiB 内存小时 %2，每 GiB 磁盘天 %3</translation>
    </message>
    <message>
        <source>%1 (revision %2)</source>
        <translation>%1（版本 %2）</translation>
    </message>
    <message>
        <source>usage: wharfctl plan ls|create|update|show|rm</source>
        <translation>用法：wharfctl plan ls|create|update|show|rm</translation>
    </message>
    <message>
        <source>PLAN</source>
        <translation>套餐</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>EMAIL</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Tenant:   %1 %2</source>
        <translation>租户：    %1 %2</translation>
    </message>
    <message>
        <source>State:    %1</source>
        <translation>状态：    %1</translation>
    </message>
    <message>
        <source>Plan:     %1</source>
        <translation>套餐：    %1</translation>
    </message>
    <message>
        <source>Contact:  %1 %2</source>
        <translation>联系方式：%1 %2</translation>
    </message>
    <message>
        <source>Created:  %1</source>
        <translation>创建时间：%1</translation>
    </message>
    <message>
        <source>In use:   %1 containers, %2 CPUs, %3 memory</source>
        <translation>已用：    %1 个容器，%2 个 CPU，%3 内存</translation>
    </message>
    <message>
        <source>usage: wharfctl tenant plan NAME PLAN</source>
        <translation>用法：wharfctl tenant plan 名称 套餐</translation>
    </message>
    <message>
        <source>New database password for tenant %1: </source>
        <translation>租户 %1 的新数据库密码：</translation>
    </message>
    <message>
        <source>Role %1 can sign in to %2</source>
        <translation>角色 %1 可以登录 %2</translation>
    </message>
    <message>
        <source>usage: wharfctl tenant ls|create|show|suspend|resume|plan|role|rm</source>
        <translation>用法：wharfctl tenant ls|create|show|suspend|resume|plan|role|rm</translation>
    </message>
    <message>
        <source>HOST</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>DOMAIN</source>
        <translation>域</translation>
    </message>
    <message>
        <source>TENANT</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>usage: wharfctl domain ls | set HOST public|TENANT | rm HOST   (HOST: a saved host&apos;s name or its address)</source>
        <translation>用法：wharfctl domain ls | set 主机 public|租户 | rm 主机   （主机：已保存主机的名称或其地址）</translation>
    </message>
    <message>
        <source>usage: wharfctl quota show TENANT</source>
        <translation>用法：wharfctl quota show 租户</translation>
    </message>
    <message>
        <source>USED</source>
        <translation>已用</translation>
    </message>
    <message>
        <source>LIMIT</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>disk</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time: use 2026-11-01, 2026-11-01T08:00:00Z, a Unix time, or 30m, 12h, 7d ago</source>
        <translation>“%1”不是时间：请使用 2026-11-01、2026-11-01T08:00:00Z、Unix 时间，或 30m、12h、7d（表示多久以前）</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>ACTOR</source>
        <translation>操作者</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>TARGET</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>RESULT</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>DETAIL</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>DATABASE ROLE</source>
        <translation>数据库角色</translation>
    </message>
    <message>
        <source>usage: wharfctl user create NAME --tenant T|--admin [--password-stdin] | user rm NAME</source>
        <translation>用法：wharfctl user create 名称 --tenant T|--admin [--password-stdin] | user rm 名称</translation>
    </message>
    <message>
        <source>a user is a tenant&apos;s member (--tenant T) or an admin (--admin)</source>
        <translation>用户要么是租户成员（--tenant T），要么是管理员（--admin）</translation>
    </message>
    <message>
        <source>New database password for %1: </source>
        <translation>%1 的新数据库密码：</translation>
    </message>
    <message>
        <source>%1 signs in to %2 as role %3</source>
        <translation>%1 以角色 %3 登录 %2</translation>
    </message>
    <message>
        <source>usage: wharfctl user ls|create|rm</source>
        <translation>用法：wharfctl user ls|create|rm</translation>
    </message>
    <message>
        <source>--issue needs a time in the period, e.g. 2026-10-01</source>
        <translation>--issue 需要该周期内的一个时间，例如 2026-10-01</translation>
    </message>
    <message>
        <source>usage: wharfctl bill TENANT --period day|month --issue DATE</source>
        <translation>用法：wharfctl bill 租户 --period day|month --issue 日期</translation>
    </message>
    <message>
        <source>Issued bill %1: %2, %3 from %4, total %5</source>
        <translation>已开具账单 %1：%2，%3（自 %4），合计 %5</translation>
    </message>
    <message>
        <source>usage: wharfctl bills [TENANT] [-o table|json|csv]</source>
        <translation>用法：wharfctl bills [租户] [-o table|json|csv]</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>FROM</source>
        <translation>起始</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>ISSUED</source>
        <translation>开具时间</translation>
    </message>
    <message>
        <source>BY</source>
        <translation>开具人</translation>
    </message>
    <message>
        <source>no compose file: give one with -f FILE (or run in a folder with compose.yaml)</source>
        <translation>没有 compose 文件：用 -f 文件 指定一个（或在含有 compose.yaml 的文件夹中运行）</translation>
    </message>
    <message>
        <source>usage: wharfctl app %1 [-f FILE]... [--env-file F] [--profile P] [--name N] [--no-interpolate] [--no-consistency]</source>
        <translation>用法：wharfctl app %1 [-f 文件]... [--env-file 文件] [--profile 配置] [--name 名称] [--no-interpolate] [--no-consistency]</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s): the application was not loaded.</source>
        <translation>
            <numerusform>%n 个错误：应用未能加载。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is valid: application &quot;%2&quot; with %n service(s)</source>
        <translation>
            <numerusform>%1 有效：应用“%2”，含 %n 个服务</numerusform>
        </translation>
    </message>
    <message>
        <source>usage: wharfctl app validate|config|plan|deploy|ls|ps|logs|stop|start|restart|down ...</source>
        <translation>用法：wharfctl app validate|config|plan|deploy|ls|ps|logs|stop|start|restart|down ...</translation>
    </message>
    <message>
        <source>%1 is not a valid compose file; nothing was deployed</source>
        <translation>%1 不是有效的 compose 文件；未部署任何内容</translation>
    </message>
    <message>
        <source>Plan for app &quot;%1&quot;:</source>
        <translation>应用“%1”的部署计划：</translation>
    </message>
    <message>
        <source>Deploying app &quot;%1&quot;:</source>
        <translation>正在部署应用“%1”：</translation>
    </message>
    <message>
        <source>%1 (journal: %2)</source>
        <translation>%1（日志：%2）</translation>
    </message>
    <message>
        <source>App &quot;%1&quot; is deployed (%2).</source>
        <translation>应用“%1”已部署（%2）。</translation>
    </message>
    <message>
        <source> ago</source>
        <translation>前</translation>
    </message>
    <message>
        <source>SERVICES</source>
        <translation>服务数</translation>
    </message>
    <message>
        <source>PORTS</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>UPDATED</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>usage: wharfctl app ps NAME</source>
        <translation>用法：wharfctl app ps 名称</translation>
    </message>
    <message>
        <source>there is no app &quot;%1&quot; on this host</source>
        <translation>此主机上没有应用“%1”</translation>
    </message>
    <message>
        <source>SERVICE</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>IMAGE</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>usage: wharfctl app logs NAME [-f] [--tail N] [-t]</source>
        <translation>用法：wharfctl app logs 名称 [-f] [--tail 行数] [-t]</translation>
    </message>
    <message>
        <source>usage: wharfctl app down NAME [--volumes]</source>
        <translation>用法：wharfctl app down 名称 [--volumes]</translation>
    </message>
    <message>
        <source>usage: wharfctl app %1 NAME</source>
        <translation>用法：wharfctl app %1 名称</translation>
    </message>
    <message>
        <source>App &quot;%1&quot; is stopped.</source>
        <translation>应用“%1”已停止。</translation>
    </message>
    <message>
        <source>App &quot;%1&quot; is started.</source>
        <translation>应用“%1”已启动。</translation>
    </message>
    <message>
        <source>App &quot;%1&quot; is restarted.</source>
        <translation>应用“%1”已重启。</translation>
    </message>
    <message>
        <source>App &quot;%1&quot; is removed.</source>
        <translation>应用“%1”已移除。</translation>
    </message>
    <message>
        <source>usage: wharfctl app %1 [-f FILE]... [--name N] [--env-file F] [--profile P] [--build] [--pull]%2</source>
        <translation>用法：wharfctl app %1 [-f 文件]... [--name 名称] [--env-file 文件] [--profile 配置] [--build] [--pull]%2</translation>
    </message>
    <message>
        <source>Processes:       %1</source>
        <translation>进程数:          %1</translation>
    </message>
    <message>
        <source>%1 memory, %2 CPUs, %3 processes</source>
        <translation>内存 %1,CPU %2 个,进程 %3 个</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>USER</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>CGROUP LIMITS</source>
        <translation>CGROUP 限制</translation>
    </message>
    <message>
        <source>usage: wharfctl tenant provision TENANT --host HOST --ssh-pubkey FILE [--root DIR]</source>
        <translation>用法: wharfctl tenant provision 租户 --host 主机 --ssh-pubkey 文件 [--root 目录]</translation>
    </message>
    <message>
        <source>Name the tenant&apos;s SSH public key: --ssh-pubkey FILE (the .pub file; the private key stays with the tenant).</source>
        <translation>请指定租户的 SSH 公钥: --ssh-pubkey 文件(.pub 文件;私钥留在租户手中)。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Tenant &quot;%1&quot; has no plan: its daemon&apos;s limits come from the plan (wharfctl tenant plan %1 PLAN).</source>
        <translation>租户“%1”没有套餐:其守护进程的限制来自套餐(wharfctl tenant plan %1 套餐)。</translation>
    </message>
    <message>
        <source>Giving tenant %1 a daemon of its own on %2 (%3)…</source>
        <translation>正在为租户 %1 在 %2 (%3) 上创建专属守护进程…</translation>
    </message>
    <message>
        <source>Tenant %1 reaches its daemon as Unix user %2; its containers are held to %3 memory, %4 CPUs and %5 processes.</source>
        <translation>租户 %1 以 Unix 用户 %2 访问其守护进程;其容器限制为内存 %3、CPU %4 个、进程 %5 个。</translation>
    </message>
    <message>
        <source>Removed the daemon and Unix user %1 of tenant %2 from %3.</source>
        <translation>已从 %3 删除租户 %2 的守护进程和 Unix 用户 %1。</translation>
    </message>
    <message>
        <source>usage: wharfctl tenant dedicate TENANT --host HOST --ssh-pubkey FILE [--socket PATH] [--root DIR]</source>
        <translation>用法: wharfctl tenant dedicate 租户 --host 主机 --ssh-pubkey 文件 [--socket 路径] [--root 目录]</translation>
    </message>
    <message>
        <source>usage: wharfctl tenant deprovision|undedicate TENANT --host HOST [--data]</source>
        <translation>用法: wharfctl tenant deprovision|undedicate 租户 --host 主机 [--data]</translation>
    </message>
    <message>
        <source>Dedicating %1 to tenant %2…</source>
        <translation>正在将 %1 设为租户 %2 的专属主机…</translation>
    </message>
    <message>
        <source>Host %1 is dedicated to tenant %2, who reaches its daemon as Unix user %3.</source>
        <translation>主机 %1 已成为租户 %2 的专属主机,租户以 Unix 用户 %3 访问其守护进程。</translation>
    </message>
    <message>
        <source>Host %1 is dedicated to tenant %2: wharfctl tenant undedicate takes it back.</source>
        <translation>主机 %1 是租户 %2 的专属主机:用 wharfctl tenant undedicate 收回。</translation>
    </message>
    <message>
        <source>Tenant %1 has a daemon of its own on %2: wharfctl tenant deprovision removes it.</source>
        <translation>租户 %1 在 %2 上有自己的守护进程:用 wharfctl tenant deprovision 删除。</translation>
    </message>
    <message>
        <source>Host %3 is no longer dedicated to tenant %2; its Unix user %1 and key are gone.</source>
        <translation>主机 %3 不再是租户 %2 的专属主机;其 Unix 用户 %1 和密钥已删除。</translation>
    </message>
    <message>
        <source>--pids-limit takes a number of processes (or -1 for no limit), not &quot;%1&quot;</source>
        <translation>--pids-limit 需要一个进程数(或 -1 表示不限),而不是“%1”</translation>
    </message>
    <message>
        <source>usage: wharfctl host import PROFILE [--ssh-key FILE]</source>
        <translation>用法：wharfctl host import 连接配置文件 [--ssh-key 文件]</translation>
    </message>
    <message>
        <source>The tenant&apos;s database: %1 (wharfctl --db %1 db login keeps its password in the keychain)</source>
        <translation>租户的数据库：%1（wharfctl --db %1 db login 会把其密码保存在钥匙串中）</translation>
    </message>
    <message>
        <source>usage: wharfctl host ls|add|rm|test|forget-key|import</source>
        <translation>用法：wharfctl host ls|add|rm|test|forget-key|import</translation>
    </message>
    <message>
        <source>usage: wharfctl tenant create|show|suspend|resume|plan|role|rm|provision|deprovision|endpoints|profile NAME</source>
        <translation>用法：wharfctl tenant create|show|suspend|resume|plan|role|rm|provision|deprovision|endpoints|profile 名称</translation>
    </message>
    <message>
        <source>Tenant %1 has no endpoints yet (wharfctl tenant provision|dedicate).</source>
        <translation>租户 %1 还没有端点（wharfctl tenant provision|dedicate）。</translation>
    </message>
    <message>
        <source> (tenant %1&apos;s daemon)</source>
        <translation>（租户 %1 的守护进程）</translation>
    </message>
    <message>
        <source>Metering %1%2 failed: %3</source>
        <translation>计量 %1%2 失败：%3</translation>
    </message>
    <message>
        <source>tick %1%2: %3 runs started, %4 stopped, %5 resource-hours</source>
        <translation>tick %1%2：%3 次运行开始，%4 次停止，%5 条资源小时记录</translation>
    </message>
    <message>
        <source>Reconciling %1%2 failed: %3</source>
        <translation>核对 %1%2 失败：%3</translation>
    </message>
    <message>
        <source>reconciled %1%2: %3 gone, %4 drifted, %5 adopted</source>
        <translation>已核对 %1%2：%3 个已消失，%4 个计数偏差，%5 个已接管</translation>
    </message>
    <message>
        <source>The tenants&apos; daemons were not read: %1</source>
        <translation>未能读取租户的守护进程：%1</translation>
    </message>
    <message>
        <source>Reading the cgroup of %1%2 failed: %3</source>
        <translation>读取 %1%2 的 cgroup 失败：%3</translation>
    </message>
    <message>
        <source>cgroup %1%2: %3</source>
        <translation>cgroup %1%2：%3</translation>
    </message>
    <message>
        <source>%1 memory (peak %2), %3 CPU-seconds, %4 processes, read %5</source>
        <translation>内存 %1（峰值 %2），CPU %3 秒，进程 %4 个，读取于 %5</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>IN USE</source>
        <translation>已用</translation>
    </message>
    <message>
        <source>usage: wharfctl service create|ls|ps|inspect|scale|update|rollback|restart|logs|rm ...</source>
        <translation>用法：wharfctl service create|ls|ps|inspect|scale|update|rollback|restart|logs|rm ...</translation>
    </message>
    <message>
        <source>The host did not reach the desired state in time: %1. The controller goes on with it.</source>
        <translation>主机未能及时达到期望状态：%1。控制器会继续处理。</translation>
    </message>
    <message>
        <source>usage: wharfctl service create --name NAME [--replicas N] [-p [IP:]PORT:TARGET[/http]]... [OPTIONS] IMAGE [COMMAND...]</source>
        <translation>用法：wharfctl service create --name 名称 [--replicas N] [-p [IP:]端口:目标端口[/http]]... [选项] 镜像 [命令...]</translation>
    </message>
    <message>
        <source>usage: wharfctl service scale NAME=REPLICAS...</source>
        <translation>用法：wharfctl service scale 名称=副本数...</translation>
    </message>
    <message>
        <source>scaled</source>
        <translation>已伸缩</translation>
    </message>
    <message>
        <source>%1: write NAME=REPLICAS</source>
        <translation>%1：请写成 名称=副本数</translation>
    </message>
    <message>
        <source>%1 scaled to %2</source>
        <translation>%1 已伸缩到 %2</translation>
    </message>
    <message>
        <source>usage: wharfctl service %1 [OPTIONS] NAME</source>
        <translation>用法：wharfctl service %1 [选项] 名称</translation>
    </message>
    <message>
        <source>REPLICAS</source>
        <translation>副本数</translation>
    </message>
    <message>
        <source>ENDPOINTS</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>usage: wharfctl service %1 NAME</source>
        <translation>用法：wharfctl service %1 名称</translation>
    </message>
    <message>
        <source>current</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>previous</source>
        <translation>上一版</translation>
    </message>
    <message>
        <source>REPLICA</source>
        <translation>副本</translation>
    </message>
    <message>
        <source>CONFIGURATION</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>usage: wharfctl service logs NAME [-f] [--tail N] [-t] [--grep TEXT]</source>
        <translation>用法：wharfctl service logs 名称 [-f] [--tail N] [-t] [--grep 文本]</translation>
    </message>
    <message>
        <source>service %1 has no replicas on this host</source>
        <translation>服务 %1 在此主机上没有副本</translation>
    </message>
    <message>
        <source>usage: wharfctl service rm NAME...</source>
        <translation>用法：wharfctl service rm 名称...</translation>
    </message>
    <message>
        <source>usage: wharfctl -H HOST edge image [IMAGE]</source>
        <translation>用法：wharfctl -H 主机 edge image [镜像]</translation>
    </message>
    <message>
        <source>%1 has no edge router (no service publishes anything there yet).</source>
        <translation>%1 没有边缘路由器（那里还没有服务发布任何端口）。</translation>
    </message>
    <message>
        <source>usage: wharfctl -H HOST edge ls|config|logs|image ...</source>
        <translation>用法：wharfctl -H 主机 edge ls|config|logs|image ...</translation>
    </message>
    <message>
        <source>The controller of %1 applies the change; waiting for it.</source>
        <translation>%1 的控制器正在应用此更改，正在等待。</translation>
    </message>
    <message>
        <source>The host did not reach the desired state in time. The controller goes on with it.</source>
        <translation>主机未能及时达到期望状态。控制器会继续处理。</translation>
    </message>
    <message>
        <source>The update was paused: %1</source>
        <translation>更新已暂停：%1</translation>
    </message>
    <message>
        <source>The update failed and was rolled back to the configuration before it: %1</source>
        <translation>更新失败，已回滚到更新前的配置：%1</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends</name>
    <message>
        <source>A port mapping is empty.</source>
        <translation>有一个端口映射为空。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port mapping ([IP:][HOST:]CONTAINER[/PROTOCOL])</source>
        <translation>“%1”不是端口映射（[IP:][主机端口:]容器端口[/协议]）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address.</source>
        <translation>&quot;%1&quot; 不是 IP 地址。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a container port (1-65535, or a range like 8000-8010)</source>
        <translation>“%1”不是容器端口（1-65535，或类似 8000-8010 的范围）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host port (1-65535, or a range like 8000-8010)</source>
        <translation>“%1”不是主机端口（1-65535，或类似 8000-8010 的范围）</translation>
    </message>
    <message>
        <source>the host range %1 and the container range %2 differ in size</source>
        <translation>主机端口范围 %1 与容器端口范围 %2 的大小不同</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a protocol (tcp, udp or sctp)</source>
        <translation>“%1”不是协议（tcp、udp 或 sctp）</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::BuildContext</name>
    <message>
        <source>The build context folder %1 does not exist.</source>
        <translation>构建上下文文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>The build context %1 is not a folder.</source>
        <translation>构建上下文 %1 不是文件夹。</translation>
    </message>
    <message>
        <source>There is no Dockerfile at %1.</source>
        <translation>%1 处没有 Dockerfile。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <source>Cannot make a temporary file for the build context: %1.</source>
        <translation>无法为构建上下文创建临时文件：%1。</translation>
    </message>
    <message>
        <source>Cannot write the build context: %1.</source>
        <translation>无法写入构建上下文：%1。</translation>
    </message>
    <message>
        <source>%1 changed while it was packed (it became shorter).</source>
        <translation>%1 在打包期间发生了变化（变短了）。</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::Compose</name>
    <message>
        <source>variables nest too deeply</source>
        <translation>变量嵌套过深</translation>
    </message>
    <message>
        <source>invalid interpolation format in &quot;%1&quot;: a lone $ at the end (write $$ for a dollar sign)</source>
        <translation>“%1”中的插值格式无效：末尾有单独的 $（美元符号请写成 $$）</translation>
    </message>
    <message>
        <source>invalid interpolation format in &quot;%1&quot;: &quot;$%2&quot; (write $$ for a dollar sign)</source>
        <translation>“%1”中的插值格式无效：“$%2”（美元符号请写成 $$）</translation>
    </message>
    <message>
        <source>invalid interpolation format in &quot;%1&quot;: &quot;${&quot; is not closed</source>
        <translation>“%1”中的插值格式无效：“${”没有闭合</translation>
    </message>
    <message>
        <source>invalid interpolation format in &quot;%1&quot;: &quot;${%2}&quot; does not start with a variable name</source>
        <translation>“%1”中的插值格式无效：“${%2}”不是以变量名开头</translation>
    </message>
    <message>
        <source>required variable %1 is missing a value</source>
        <translation>必需的变量 %1 没有值</translation>
    </message>
    <message>
        <source>required variable %1 is missing a value: %2</source>
        <translation>必需的变量 %1 没有值：%2</translation>
    </message>
    <message>
        <source>invalid interpolation format in &quot;%1&quot;: &quot;${%2}&quot; (use :- - :? ? :+ or +)</source>
        <translation>“%1”中的插值格式无效：“${%2}”（请使用 :- - :? ? :+ 或 +）</translation>
    </message>
    <message>
        <source>line %1: &quot;%2&quot; is not KEY=VALUE</source>
        <translation>第 %1 行：“%2”不是 键=值 格式</translation>
    </message>
    <message>
        <source>line %1: the single quote is not closed</source>
        <translation>第 %1 行：单引号没有闭合</translation>
    </message>
    <message>
        <source>line %1: the double quote is not closed</source>
        <translation>第 %1 行：双引号没有闭合</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>the file holds %1 YAML documents; only the first is read</source>
        <translation>该文件含有 %1 个 YAML 文档；只读取第一个</translation>
    </message>
    <message>
        <source>the file is %1 KiB; YAML is read up to %2 KiB</source>
        <translation>文件大小为 %1 KiB；YAML 最多读取 %2 KiB</translation>
    </message>
    <message>
        <source>too much to read: %1</source>
        <translation>内容过多，无法读取：%1</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::Compose::Builder</name>
    <message>
        <source>an alias refers to an anchor that is not defined before it</source>
        <translation>别名引用了一个在它之前未定义的锚点</translation>
    </message>
    <message>
        <source>a key must be a single value, not %1</source>
        <translation>键必须是单个值，而不是%1</translation>
    </message>
    <message>
        <source>the key &quot;%1&quot; appears twice in this mapping</source>
        <translation>键“%1”在此映射中出现了两次</translation>
    </message>
    <message>
        <source>more than %1 aliases (*name)</source>
        <translation>别名（*name）超过 %1 个</translation>
    </message>
    <message>
        <source>more than %1 values (aliases expanded)</source>
        <translation>值超过 %1 个（展开别名后）</translation>
    </message>
    <message>
        <source>mappings and lists nested more than %1 deep</source>
        <translation>映射和列表的嵌套深度超过 %1 层</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::Compose::YamlNode</name>
    <message>
        <source>nothing</source>
        <translation>空值</translation>
    </message>
    <message>
        <source>a single value</source>
        <translation>单个值</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>a mapping</source>
        <translation>映射</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::Compose::detail::Loader</name>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 不存在</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>a merge key (&lt;&lt;) takes a mapping or a list of mappings, not %1</source>
        <translation>合并键（&lt;&lt;）需要一个映射或映射列表，而不是%1</translation>
    </message>
    <message>
        <source>the variable %1 is not set; it is replaced by an empty string</source>
        <translation>变量 %1 未设置；以空字符串代替</translation>
    </message>
    <message>
        <source>a compose file is a mapping (services:, volumes:, ...), not %1</source>
        <translation>compose 文件应为映射（services:、volumes: 等），而不是%1</translation>
    </message>
    <message>
        <source>include takes a list of files, not %1</source>
        <translation>include 需要一个文件列表，而不是%1</translation>
    </message>
    <message>
        <source>include: unknown key &quot;%1&quot; (kept, not used)</source>
        <translation>include：未知的键“%1”（保留，不使用）</translation>
    </message>
    <message>
        <source>an include is a path or a mapping with path:, not %1</source>
        <translation>include 项应为路径或含 path: 的映射，而不是%1</translation>
    </message>
    <message>
        <source>this include names no file (path:)</source>
        <translation>此 include 没有指定文件（path:）</translation>
    </message>
    <message>
        <source>remote includes are not supported: &quot;%1&quot;; download the file and include it by its path</source>
        <translation>不支持远程 include：“%1”；请下载该文件并按路径包含</translation>
    </message>
    <message>
        <source>include cycle: %1</source>
        <translation>include 循环：%1</translation>
    </message>
    <message>
        <source>service &quot;%1&quot; is defined here and in the included file %2</source>
        <translation>服务“%1”在此处和被包含的文件 %2 中都有定义</translation>
    </message>
    <message>
        <source>extends: there is no service &quot;%1&quot; in %2</source>
        <translation>extends：%2 中没有服务“%1”</translation>
    </message>
    <message>
        <source>service &quot;%1&quot; must be a mapping, not %2</source>
        <translation>服务“%1”必须是映射，而不是%2</translation>
    </message>
    <message>
        <source>extends needs the name of a service (extends: NAME or extends: {service: NAME, file: FILE})</source>
        <translation>extends 需要服务名称（extends: 名称 或 extends: {service: 名称, file: 文件}）</translation>
    </message>
    <message>
        <source>extends from a remote file is not supported: &quot;%1&quot;; download the file and extend it by its path</source>
        <translation>不支持从远程文件 extends：“%1”；请下载该文件并按路径扩展</translation>
    </message>
    <message>
        <source>extends cycle: %1</source>
        <translation>extends 循环：%1</translation>
    </message>
    <message>
        <source>the tag %1 is not supported; the value is read as if it had none</source>
        <translation>不支持标签 %1；按无标签读取该值</translation>
    </message>
    <message>
        <source>no compose file given</source>
        <translation>未指定 compose 文件</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid project name: use lowercase letters, digits, dashes and underscores, starting with a letter or digit</source>
        <translation>“%1”不是有效的项目名称：请使用小写字母、数字、短横线和下划线，并以字母或数字开头</translation>
    </message>
    <message>
        <source>services must be a mapping of service names, not %1</source>
        <translation>services 必须是以服务名为键的映射，而不是%1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid service name: use letters, digits, dots, dashes and underscores</source>
        <translation>“%1”不是有效的服务名称：请使用字母、数字、点、短横线和下划线</translation>
    </message>
    <message>
        <source>the &quot;version&quot; key is obsolete and ignored</source>
        <translation>“version”键已过时，将被忽略</translation>
    </message>
    <message>
        <source>unknown top-level key &quot;%1&quot; (kept, not used)</source>
        <translation>未知的顶层键“%1”（保留，不使用）</translation>
    </message>
    <message>
        <source>%1 must be a mapping, not %2</source>
        <translation>%1 必须是映射，而不是%2</translation>
    </message>
    <message>
        <source>%1: %2 must be a mapping, not %3</source>
        <translation>%1：%2 必须是映射，而不是%3</translation>
    </message>
    <message>
        <source>external must be true or false, not &quot;%1&quot;</source>
        <translation>external 必须是 true 或 false，而不是“%1”</translation>
    </message>
    <message>
        <source>%1: %2 needs file:, environment:, content: or external: true</source>
        <translation>%1：%2 需要 file:、environment:、content: 或 external: true</translation>
    </message>
    <message>
        <source>%1: %2: the file %3 does not exist</source>
        <translation>%1：%2：文件 %3 不存在</translation>
    </message>
    <message>
        <source>service &quot;%1&quot; depends on &quot;%2&quot;, which is in a profile that is not enabled</source>
        <translation>服务“%1”依赖于“%2”，而后者属于未启用的配置（profile）</translation>
    </message>
    <message>
        <source>service &quot;%1&quot; depends on &quot;%2&quot;, which is not defined</source>
        <translation>服务“%1”依赖于未定义的“%2”</translation>
    </message>
    <message>
        <source>service &quot;%1&quot; links to &quot;%2&quot;, which is not defined</source>
        <translation>服务“%1”链接到未定义的“%2”</translation>
    </message>
    <message>
        <source>service &quot;%1&quot; takes volumes from &quot;%2&quot;, which is not defined</source>
        <translation>服务“%1”从未定义的“%2”获取数据卷</translation>
    </message>
    <message>
        <source>service &quot;%1&quot;: %2 names &quot;%3&quot;, which is not defined</source>
        <translation>服务“%1”：%2 指向未定义的“%3”</translation>
    </message>
    <message>
        <source>service &quot;%1&quot; mounts the volume &quot;%2&quot;, which is not defined under the top-level volumes:</source>
        <translation>服务“%1”挂载了数据卷“%2”，但顶层 volumes: 中没有定义它</translation>
    </message>
    <message>
        <source>service &quot;%1&quot; joins the network &quot;%2&quot;, which is not defined under the top-level networks:</source>
        <translation>服务“%1”加入了网络“%2”，但顶层 networks: 中没有定义它</translation>
    </message>
    <message>
        <source>service &quot;%1&quot; uses the secret &quot;%2&quot;, which is not defined</source>
        <translation>服务“%1”使用了未定义的密钥（secret）“%2”</translation>
    </message>
    <message>
        <source>service &quot;%1&quot; uses the config &quot;%2&quot;, which is not defined</source>
        <translation>服务“%1”使用了未定义的配置（config）“%2”</translation>
    </message>
    <message>
        <source>service &quot;%1&quot; has neither an image nor a build; it cannot be deployed</source>
        <translation>服务“%1”既没有 image 也没有 build；无法部署</translation>
    </message>
    <message>
        <source>dependency cycle: %1</source>
        <translation>依赖循环：%1</translation>
    </message>
    <message>
        <source>service &quot;%1&quot;: unknown key &quot;%2&quot; (kept, not used)</source>
        <translation>服务“%1”：未知的键“%2”（保留，不使用）</translation>
    </message>
    <message>
        <source>%1 must be a single value, not %2</source>
        <translation>%1 必须是单个值，而不是%2</translation>
    </message>
    <message>
        <source>%1 must be true or false, not &quot;%2&quot;</source>
        <translation>%1 必须是 true 或 false，而不是“%2”</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a size (like 512m or 1g)</source>
        <translation>%1：“%2”不是大小（例如 512m 或 1g）</translation>
    </message>
    <message>
        <source>%1 must be a list, not %2</source>
        <translation>%1 必须是列表，而不是%2</translation>
    </message>
    <message>
        <source>%1: each entry must be a single value, not %2</source>
        <translation>%1：每一项都必须是单个值，而不是%2</translation>
    </message>
    <message>
        <source>%1 must be a mapping or a list of KEY=VALUE, not %2</source>
        <translation>%1 必须是映射或 键=值 列表，而不是%2</translation>
    </message>
    <message>
        <source>%1: the value of %2 must be a single value</source>
        <translation>%1：%2 的值必须是单个值</translation>
    </message>
    <message>
        <source>%1: a quote is not closed in &quot;%2&quot;</source>
        <translation>%1：“%2”中的引号没有闭合</translation>
    </message>
    <message>
        <source>%1 must be a string or a list, not %2</source>
        <translation>%1 必须是字符串或列表，而不是%2</translation>
    </message>
    <message>
        <source>build must be a folder or a mapping with context:, not %1</source>
        <translation>build 必须是文件夹或含 context: 的映射，而不是%1</translation>
    </message>
    <message>
        <source>env_file must be a path or a list, not %1</source>
        <translation>env_file 必须是路径或列表，而不是%1</translation>
    </message>
    <message>
        <source>service &quot;%1&quot;: the env_file %2 does not exist</source>
        <translation>服务“%1”：env_file %2 不存在</translation>
    </message>
    <message>
        <source>environment must be a mapping or a list of KEY=VALUE, not %1</source>
        <translation>environment 必须是映射或 键=值 列表，而不是%1</translation>
    </message>
    <message>
        <source>environment: the value of %1 must be a single value</source>
        <translation>environment：%1 的值必须是单个值</translation>
    </message>
    <message>
        <source>ports must be a list, not %1</source>
        <translation>ports 必须是列表，而不是%1</translation>
    </message>
    <message>
        <source>a port is a string like 8080:80 or a mapping with target:</source>
        <translation>端口应为类似 8080:80 的字符串或含 target: 的映射</translation>
    </message>
    <message>
        <source>expose: &quot;%1&quot; is not a port</source>
        <translation>expose：“%1”不是端口</translation>
    </message>
    <message>
        <source>volumes must be a list, not %1</source>
        <translation>volumes 必须是列表，而不是%1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a volume (SOURCE:TARGET[:MODE] or TARGET)</source>
        <translation>“%1”不是数据卷（源:目标[:模式] 或 目标）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a volume mode (ro, rw, nocopy, z, Z or a propagation)</source>
        <translation>“%1”不是数据卷模式（ro、rw、nocopy、z、Z 或传播方式）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a volume type (volume, bind, tmpfs or npipe)</source>
        <translation>“%1”不是数据卷类型（volume、bind、tmpfs 或 npipe）</translation>
    </message>
    <message>
        <source>a volume is a string like data:/var/lib/data or a mapping with target:</source>
        <translation>数据卷应为类似 data:/var/lib/data 的字符串或含 target: 的映射</translation>
    </message>
    <message>
        <source>this volume has no target path in the container</source>
        <translation>此数据卷没有容器内的目标路径</translation>
    </message>
    <message>
        <source>networks must be a list or a mapping, not %1</source>
        <translation>networks 必须是列表或映射，而不是%1</translation>
    </message>
    <message>
        <source>networks: %1 takes a mapping (aliases:, ipv4_address:) or nothing</source>
        <translation>networks：%1 只能是映射（aliases:、ipv4_address:）或留空</translation>
    </message>
    <message>
        <source>depends_on must be a list or a mapping, not %1</source>
        <translation>depends_on 必须是列表或映射，而不是%1</translation>
    </message>
    <message>
        <source>depends_on: %1 takes a mapping (condition:, restart:, required:)</source>
        <translation>depends_on：%1 需要一个映射（condition:、restart:、required:）</translation>
    </message>
    <message>
        <source>depends_on: &quot;%1&quot; is not a condition (service_started, service_healthy or service_completed_successfully)</source>
        <translation>depends_on：“%1”不是条件（service_started、service_healthy 或 service_completed_successfully）</translation>
    </message>
    <message>
        <source>healthcheck must be a mapping, not %1</source>
        <translation>healthcheck 必须是映射，而不是%1</translation>
    </message>
    <message>
        <source>healthcheck.test: a list starts with CMD, CMD-SHELL or NONE, not &quot;%1&quot;</source>
        <translation>healthcheck.test：列表应以 CMD、CMD-SHELL 或 NONE 开头，而不是“%1”</translation>
    </message>
    <message>
        <source>healthcheck.%1: &quot;%2&quot; is not a duration (like 30s, 1m30s or 500ms)</source>
        <translation>healthcheck.%1：“%2”不是时长（例如 30s、1m30s 或 500ms）</translation>
    </message>
    <message>
        <source>healthcheck.retries: &quot;%1&quot; is not a whole number</source>
        <translation>healthcheck.retries：“%1”不是整数</translation>
    </message>
    <message>
        <source>restart: &quot;%1&quot; is not a policy (no, always, on-failure[:N], unless-stopped)</source>
        <translation>restart：“%1”不是重启策略（no、always、on-failure[:N]、unless-stopped）</translation>
    </message>
    <message>
        <source>deploy.replicas: &quot;%1&quot; is not a whole number</source>
        <translation>deploy.replicas：“%1”不是整数</translation>
    </message>
    <message>
        <source>deploy.resources.limits.cpus: &quot;%1&quot; is not a number of CPUs</source>
        <translation>deploy.resources.limits.cpus：“%1”不是 CPU 数量</translation>
    </message>
    <message>
        <source>deploy must be a mapping, not %1</source>
        <translation>deploy 必须是映射，而不是%1</translation>
    </message>
    <message>
        <source>scale: &quot;%1&quot; is not a whole number</source>
        <translation>scale：“%1”不是整数</translation>
    </message>
    <message>
        <source>cpus: &quot;%1&quot; is not a number of CPUs</source>
        <translation>cpus：“%1”不是 CPU 数量</translation>
    </message>
    <message>
        <source>stop_grace_period: &quot;%1&quot; is not a duration (like 10s or 1m30s)</source>
        <translation>stop_grace_period：“%1”不是时长（例如 10s 或 1m30s）</translation>
    </message>
    <message>
        <source>ulimits.%1: the limits must be whole numbers</source>
        <translation>ulimits.%1：限制值必须是整数</translation>
    </message>
    <message>
        <source>service &quot;%1&quot; has container_name &quot;%2&quot; and %3 replicas; a container name must be unique</source>
        <translation>服务“%1”设置了 container_name“%2”且有 %3 个副本；容器名称必须唯一</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::ContainerSpec</name>
    <message>
        <source>&quot;%1&quot; is not a memory size. Use a number with an optional unit b, k, m or g (for example 64m).</source>
        <translation>&quot;%1&quot; 不是内存大小。请使用数字加可选单位 b、k、m 或 g（例如 64m）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is too large a memory size.</source>
        <translation>内存大小 &quot;%1&quot; 过大。</translation>
    </message>
    <message>
        <source>A memory limit of %1 is below the minimum Docker allows (6 MiB).</source>
        <translation>内存限制 %1 低于 Docker 允许的最小值（6 MiB）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number of CPUs (for example 0.5 or 2).</source>
        <translation>&quot;%1&quot; 不是 CPU 数量（例如 0.5 或 2）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the mode must be ro or rw.</source>
        <translation>&quot;%1&quot;：模式必须是 ro 或 rw。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a volume. Use SOURCE:TARGET[:ro].</source>
        <translation>&quot;%1&quot; 不是数据卷。请使用 源:目标[:ro]。</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the path inside the container must be absolute.</source>
        <translation>&quot;%1&quot;：容器内的路径必须是绝对路径。</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the source is empty.</source>
        <translation>&quot;%1&quot;：源为空。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid volume name.</source>
        <translation>&quot;%1&quot; 不是有效的数据卷名称。</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: use on-failure or on-failure:N.</source>
        <translation>&quot;%1&quot;：请使用 on-failure 或 on-failure:N。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a restart policy (no, always, unless-stopped, on-failure[:N]).</source>
        <translation>&quot;%1&quot; 不是重启策略（no、always、unless-stopped、on-failure[:N]）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an environment variable. Use NAME=value.</source>
        <translation>&quot;%1&quot; 不是环境变量。请使用 名称=值。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid container name: use letters, digits, _ . and -, at least two characters, starting with a letter or digit.</source>
        <translation>&quot;%1&quot; 不是有效的容器名称：请使用字母、数字、_ . 和 -，至少两个字符，并以字母或数字开头。</translation>
    </message>
    <message>
        <source>Labels starting with %1 are reserved for Wharf.</source>
        <translation>以 %1 开头的标签保留给 Wharf 使用。</translation>
    </message>
    <message>
        <source>A label needs a name.</source>
        <translation>标签需要一个名称。</translation>
    </message>
    <message>
        <source>Choose an image.</source>
        <translation>请选择一个镜像。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an image reference (it contains a space).</source>
        <translation>&quot;%1&quot; 不是镜像引用（其中含有空格）。</translation>
    </message>
    <message>
        <source>Host port %1 is mapped twice.</source>
        <translation>主机端口 %1 被映射了两次。</translation>
    </message>
    <message>
        <source>Limits cannot be negative.</source>
        <translation>限制不能为负数。</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::ControlLease</name>
    <message>
        <source>Cannot write the lease file beside %1.</source>
        <translation>无法在 %1 旁写入租约文件。</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::CredentialStore</name>
    <message>
        <source>The secret %1 is damaged in the keychain (%2 of %3 bytes).</source>
        <translation>钥匙串中的机密 %1 已损坏（%3 字节中只有 %2 字节）。</translation>
    </message>
    <message>
        <source>The secret %1 is damaged in the keychain (part %2: %3).</source>
        <translation>钥匙串中的机密 %1 已损坏（第 %2 部分：%3）。</translation>
    </message>
    <message>
        <source>The keychain (%1) refused the secret: %2</source>
        <translation>钥匙串（%1）拒绝保存该机密：%2</translation>
    </message>
    <message>
        <source>The secret %1 could not be read back after saving: %2</source>
        <translation>机密 %1 保存后无法读回：%2</translation>
    </message>
    <message>
        <source>The keychain did not keep the secret %1 as written.</source>
        <translation>钥匙串未按写入内容保存机密 %1。</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::DockerClient</name>
    <message>
        <source>%1 does not look like a Docker Engine (no API version in its answer to /_ping).</source>
        <translation>%1 看起来不是 Docker Engine（它对 /_ping 的应答中没有 API 版本）。</translation>
    </message>
    <message>
        <source>The Docker Engine at %1 speaks API %2; Wharf needs 1.%3 or newer (Docker 20.10+). Upgrade the engine.</source>
        <translation>%1 上的 Docker Engine 使用 API %2；Wharf 需要 1.%3 或更高版本（Docker 20.10+）。请升级引擎。</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::DockerJob</name>
    <message>
        <source>The connection was closed.</source>
        <translation>连接已关闭。</translation>
    </message>
    <message>
        <source>The daemon answered with HTTP status %1.</source>
        <translation>守护进程返回了 HTTP 状态 %1。</translation>
    </message>
    <message>
        <source>The request was canceled.</source>
        <translation>请求已取消。</translation>
    </message>
    <message>
        <source>The daemon sent malformed JSON: %1 at byte %2.</source>
        <translation>守护进程发送了格式错误的 JSON：%1（位于第 %2 字节）。</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::Endpoint</name>
    <message>
        <source>The host address is empty.</source>
        <translation>主机地址为空。</translation>
    </message>
    <message>
        <source>A unix:// address needs an absolute socket path, like unix:///var/run/docker.sock.</source>
        <translation>unix:// 地址需要套接字的绝对路径，例如 unix:///var/run/docker.sock。</translation>
    </message>
    <message>
        <source>An npipe:// address needs a pipe name.</source>
        <translation>npipe:// 地址需要管道名称。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid host address. Use unix:///path, tcp://host:port or ssh://user@host.</source>
        <translation>&quot;%1&quot; 不是有效的主机地址。请使用 unix:///路径、tcp://主机:端口 或 ssh://用户@主机。</translation>
    </message>
    <message>
        <source>The port in &quot;%1&quot; is not valid.</source>
        <translation>&quot;%1&quot; 中的端口无效。</translation>
    </message>
    <message>
        <source>%1 is plain, unencrypted TCP: anyone on the network could take over the host. Use TLS (--tlsverify with certificates), or mark the host as a lab host to allow it.</source>
        <translation>%1 是未加密的普通 TCP：网络上的任何人都可能接管该主机。请使用 TLS（--tlsverify 并提供证书），或将该主机标记为实验主机以允许这样连接。</translation>
    </message>
    <message>
        <source>Unsupported address scheme &quot;%1&quot;. Use unix://, tcp:// or ssh://.</source>
        <translation>不支持的地址协议 &quot;%1&quot;。请使用 unix://、tcp:// 或 ssh://。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 中没有 PEM 证书。</translation>
    </message>
    <message>
        <source>TLS needs the CA certificate that signed the daemon&apos;s certificate.</source>
        <translation>TLS 需要签发守护进程证书的 CA 证书。</translation>
    </message>
    <message>
        <source>%1 holds no usable private key (RSA or EC, PEM, unencrypted).</source>
        <translation>%1 中没有可用的私钥（RSA 或 EC、PEM 格式、未加密）。</translation>
    </message>
    <message>
        <source>A client key needs its certificate (cert.pem).</source>
        <translation>客户端私钥需要对应的证书（cert.pem）。</translation>
    </message>
    <message>
        <source>The client certificate %1 needs its private key (key.pem).</source>
        <translation>客户端证书 %1 需要对应的私钥（key.pem）。</translation>
    </message>
    <message>
        <source>The key in the keychain</source>
        <translation>钥匙串中的私钥</translation>
    </message>
    <message>
        <source>Do not put a password in the address: Wharf asks for it and keeps it in the keychain.</source>
        <translation>请不要把密码写在地址中：Wharf 会询问密码并保存在钥匙串中。</translation>
    </message>
    <message>
        <source>Unsupported address.</source>
        <translation>不支持的地址。</translation>
    </message>
    <message>
        <source>%1 is reached over TCP: it has no way to another socket of the host.</source>
        <translation>%1 通过 TCP 连接：无法由此访问该主机上的其他套接字。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an absolute socket path.</source>
        <translation>“%1”不是套接字的绝对路径。</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::ExecSpec</name>
    <message>
        <source>Enter a command, for example /bin/sh.</source>
        <translation>请输入命令，例如 /bin/sh。</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::Format</name>
    <message>
        <source>Less than a second ago</source>
        <translation>不到一秒前</translation>
    </message>
    <message>
        <source>%1 seconds ago</source>
        <translation>%1 秒前</translation>
    </message>
    <message>
        <source>About a minute ago</source>
        <translation>大约一分钟前</translation>
    </message>
    <message>
        <source>%1 minutes ago</source>
        <translation>%1 分钟前</translation>
    </message>
    <message>
        <source>About an hour ago</source>
        <translation>大约一小时前</translation>
    </message>
    <message>
        <source>%1 hours ago</source>
        <translation>%1 小时前</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>%1 天前</translation>
    </message>
    <message>
        <source>Less than a second</source>
        <translation>不到一秒</translation>
    </message>
    <message>
        <source>%1 seconds</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>About a minute</source>
        <translation>约一分钟</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>About an hour</source>
        <translation>约一小时</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 weeks</source>
        <translation>%1 周</translation>
    </message>
    <message>
        <source>%1 months</source>
        <translation>%1 个月</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 年</translation>
    </message>
    <message>
        <source> (healthy)</source>
        <translation>（健康）</translation>
    </message>
    <message>
        <source> (unhealthy)</source>
        <translation>（不健康）</translation>
    </message>
    <message>
        <source> (health: starting)</source>
        <translation>（健康检查启动中）</translation>
    </message>
    <message>
        <source> (Paused)</source>
        <translation>（已暂停）</translation>
    </message>
    <message>
        <source>Up %1</source>
        <translation>已运行 %1</translation>
    </message>
    <message>
        <source>Exited (%1) %2 ago</source>
        <translation>已退出（%1），%2前</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>Removal In Progress</source>
        <translation>正在删除</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>已失效</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::FrameDemuxer</name>
    <message>
        <source>The output stream has a malformed frame header.</source>
        <translation>输出流的帧头格式错误。</translation>
    </message>
    <message>
        <source>An output frame of %1 bytes exceeds the limit of %2 bytes.</source>
        <translation>一个 %1 字节的输出帧超过了 %2 字节的上限。</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::HostScript</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Wharf&apos;s helper on %1 ended without saying it was done%2</source>
        <translation>%1 上的 Wharf 助手未报告完成即已结束%2</translation>
    </message>
    <message>
        <source>this machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Wharf&apos;s helper on %1 did not finish in %2 s.</source>
        <translation>%1 上的 Wharf 助手未能在 %2 秒内完成。</translation>
    </message>
    <message>
        <source>Cannot run sh on this machine: %1</source>
        <translation>无法在本机运行 sh: %1</translation>
    </message>
    <message>
        <source>%1 is reached over TCP, which runs no commands on the host. Add the host with its SSH address (ssh://root@host) to manage it this way.</source>
        <translation>%1 通过 TCP 访问,无法在主机上运行命令。请用 SSH 地址(ssh://root@主机)添加该主机,以便这样管理。</translation>
    </message>
    <message>
        <source>Canceled; the host may have done part of the work, and running it again finishes it.</source>
        <translation>已取消;主机可能已完成部分工作,再次运行即可完成。</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::HttpJob</name>
    <message>
        <source>The daemon did not answer in time (%1 s).</source>
        <translation>守护进程未能及时应答（%1 秒）。</translation>
    </message>
    <message>
        <source>Connecting to the daemon timed out.</source>
        <translation>连接守护进程超时。</translation>
    </message>
    <message>
        <source>The request was canceled.</source>
        <translation>请求已取消。</translation>
    </message>
    <message>
        <source>The response is larger than %1 MiB; it was not read.</source>
        <translation>应答大于 %1 MiB，未读取。</translation>
    </message>
    <message>
        <source>The request body ended after %1 of %2 bytes: %3</source>
        <translation>请求正文在 %2 字节中的第 %1 字节处结束：%3</translation>
    </message>
    <message>
        <source>The daemon sent nothing for %1 s; the operation is stalled and was given up.</source>
        <translation>守护进程已 %1 秒没有任何输出；该操作已停滞，已放弃。</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::HttpResponseParser</name>
    <message>
        <source>The response headers are larger than %1 KiB.</source>
        <translation>应答头大于 %1 KiB。</translation>
    </message>
    <message>
        <source>The daemon sent a malformed HTTP response (%1).</source>
        <translation>守护进程发送了格式错误的 HTTP 应答（%1）。</translation>
    </message>
    <message>
        <source>The connection closed before a complete response arrived.</source>
        <translation>在收到完整应答之前连接已关闭。</translation>
    </message>
    <message>
        <source>The connection closed in the middle of the response body.</source>
        <translation>连接在应答正文传输过程中关闭。</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::ImageRef</name>
    <message>
        <source>&quot;%1&quot; names a tag or digest; give the repository alone.</source>
        <translation>“%1”带有标签或摘要；请只给出仓库名。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid image reference: %2</source>
        <translation>“%1”不是有效的镜像引用：%2</translation>
    </message>
    <message>
        <source>An image name is needed.</source>
        <translation>需要一个镜像名称。</translation>
    </message>
    <message>
        <source>the digest &quot;%1&quot; is malformed.</source>
        <translation>摘要“%1”格式错误。</translation>
    </message>
    <message>
        <source>the tag &quot;%1&quot; may only have letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos; (at most 128).</source>
        <translation>标签“%1”只能包含字母、数字、&apos;_&apos;、&apos;.&apos; 和 &apos;-&apos;（最多 128 个字符）。</translation>
    </message>
    <message>
        <source>the registry &quot;%1&quot; is not a host name with an optional port.</source>
        <translation>镜像仓库“%1”不是主机名（可带端口）。</translation>
    </message>
    <message>
        <source>it has an empty path component.</source>
        <translation>其中有空的路径段。</translation>
    </message>
    <message>
        <source>the name &quot;%1&quot; may only have lower-case letters, digits and separators (. _ __ -).</source>
        <translation>名称“%1”只能包含小写字母、数字和分隔符（. _ __ -）。</translation>
    </message>
    <message>
        <source>the name is longer than 255 characters.</source>
        <translation>名称超过 255 个字符。</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::JsonLineSplitter</name>
    <message>
        <source>A streamed message exceeds %1 bytes.</source>
        <translation>流中的一条消息超过了 %1 字节。</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::JsonMessageStream</name>
    <message>
        <source>The daemon sent a progress message that is not JSON: %1</source>
        <translation>守护进程发送的进度消息不是 JSON：%1</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::KeychainSecretBackend</name>
    <message>
        <source>No keychain is available (%1). On Linux, Wharf needs a Secret Service such as GNOME Keyring or KWallet.</source>
        <translation>没有可用的钥匙串（%1）。在 Linux 上，Wharf 需要 GNOME Keyring 或 KWallet 等 Secret Service。</translation>
    </message>
    <message>
        <source>The keychain denied access: %1</source>
        <translation>钥匙串拒绝访问：%1</translation>
    </message>
    <message>
        <source>The keychain failed: %1</source>
        <translation>钥匙串出错：%1</translation>
    </message>
    <message>
        <source>Windows Credential Manager</source>
        <translation>Windows 凭据管理器</translation>
    </message>
    <message>
        <source>macOS Keychain</source>
        <translation>macOS 钥匙串</translation>
    </message>
    <message>
        <source>Secret Service</source>
        <translation>Secret Service</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::KnownHosts</name>
    <message>
        <source>Cannot check the host key: out of memory.</source>
        <translation>无法检查主机密钥：内存不足。</translation>
    </message>
    <message>
        <source>Cannot read the known hosts file %1: it is not in OpenSSH&apos;s format.</source>
        <translation>无法读取 known_hosts 文件 %1：它不是 OpenSSH 格式。</translation>
    </message>
    <message>
        <source>Cannot save the host key to %1: %2.</source>
        <translation>无法把主机密钥保存到 %1：%2。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::LocalTransport</name>
    <message>
        <source>the socket does not exist</source>
        <translation>套接字不存在</translation>
    </message>
    <message>
        <source>connection refused (is the daemon running?)</source>
        <translation>连接被拒绝（守护进程是否在运行？）</translation>
    </message>
    <message>
        <source>permission denied (is your user in the docker group?)</source>
        <translation>权限不足（你的用户是否在 docker 组中？）</translation>
    </message>
    <message>
        <source>Cannot connect to the Docker daemon at %1: %2.</source>
        <translation>无法连接到 %1 上的 Docker 守护进程：%2。</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::MeteringStore</name>
    <message>
        <source>The %1 bill of tenant &quot;%2&quot; from %3 is issued already; an issued bill does not change.</source>
        <translation>租户“%2”自 %3 起的 %1 账单已经开具；已开具的账单不会再改变。</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::Money</name>
    <message>
        <source>&quot;%1&quot; is not an amount: use a decimal like 12, 0.5 or 0.0125 (at most six places).</source>
        <translation>“%1”不是金额：请使用 12、0.5 或 0.0125 这样的小数（最多六位小数）。</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::OpenSshTransport</name>
    <message>
        <source>Cannot run the system ssh client (%1): %2. Install OpenSSH&apos;s client, or use the built-in SSH.</source>
        <translation>无法运行系统 ssh 客户端（%1）：%2。请安装 OpenSSH 客户端，或使用内置 SSH。</translation>
    </message>
    <message>
        <source>The host key of %1 has changed. Someone could be intercepting the connection, so Wharf refuses to connect. If the host was really reinstalled, remove its old key first (&quot;Forget host key&quot; in the console, or wharfctl host forget-key).</source>
        <translation>%1 的主机密钥已改变。连接可能被人截获，因此 Wharf 拒绝连接。如果该主机确实重装过，请先删除旧密钥（控制台中的“忘记主机密钥”，或 wharfctl host forget-key）。</translation>
    </message>
    <message>
        <source>The host key of %1 is not known. Check it with the host&apos;s administrator, then connect once with --accept-new-host-key (or with the built-in SSH, which shows the fingerprint) to trust it.</source>
        <translation>%1 的主机密钥未知。请与主机管理员核对，然后使用 --accept-new-host-key 连接一次（或使用会显示指纹的内置 SSH）来信任它。</translation>
    </message>
    <message>
        <source>Cannot resolve the host name &quot;%1&quot; (check the address and your DNS).</source>
        <translation>无法解析主机名“%1”（请检查地址和 DNS）。</translation>
    </message>
    <message>
        <source>Cannot connect to %1 port %2: connection refused (is sshd running and listening on port %2?).</source>
        <translation>无法连接 %1 的端口 %2：连接被拒绝（sshd 是否在运行并监听端口 %2？）。</translation>
    </message>
    <message>
        <source>No answer from %1 port %2 (%3).</source>
        <translation>%1 的端口 %2 没有响应（%3）。</translation>
    </message>
    <message>
        <source>Authentication to %1 failed; the server accepts: %2. The system ssh client does not ask for passphrases here: add the key to ssh-agent.</source>
        <translation>%1 身份验证失败；服务器接受：%2。系统 ssh 客户端在这里不会询问口令：请把私钥加入 ssh-agent。</translation>
    </message>
    <message>
        <source>ssh to %1 failed: %2</source>
        <translation>ssh 连接 %1 失败：%2</translation>
    </message>
    <message>
        <source>no output</source>
        <translation>无输出</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::ProgressTracker</name>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <source>%1/%2 layers</source>
        <translation>%1/%2 层</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::RegistryClient</name>
    <message>
        <source>The registry at %1 sent an answer that is not valid JSON (%2 at byte %3).</source>
        <translation>%1 上的镜像仓库返回了无效的 JSON（%2，位于第 %3 字节）。</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>The registry at %1 has no repository &quot;%2&quot;.</source>
        <translation>%1 上的镜像仓库中没有仓库“%2”。</translation>
    </message>
    <message>
        <source>The repository &quot;%1&quot; has no tag or manifest &quot;%2&quot;.</source>
        <translation>仓库“%1”中没有标签或清单“%2”。</translation>
    </message>
    <message>
        <source>This registry has deletion disabled (distribution: storage.delete.enabled).</source>
        <translation>该镜像仓库禁用了删除（distribution：storage.delete.enabled）。</translation>
    </message>
    <message>
        <source>The registry denied access: %1</source>
        <translation>镜像仓库拒绝访问：%1</translation>
    </message>
    <message>
        <source>The registry answered %1: %2</source>
        <translation>镜像仓库返回 %1：%2</translation>
    </message>
    <message>
        <source>The registry at %1 did not answer in time.</source>
        <translation>%1 上的镜像仓库未能及时应答。</translation>
    </message>
    <message>
        <source>The TLS connection to the registry at %1 failed: %2</source>
        <translation>与 %1 上镜像仓库的 TLS 连接失败：%2</translation>
    </message>
    <message>
        <source>Cannot reach the registry at %1: %2</source>
        <translation>无法连接 %1 上的镜像仓库：%2</translation>
    </message>
    <message>
        <source>The registry at %1 needs you to log in (wharfctl login %2).</source>
        <translation>%1 上的镜像仓库需要登录（wharfctl login %2）。</translation>
    </message>
    <message>
        <source>The registry at %1 refused the user name or password of %2.</source>
        <translation>%1 上的镜像仓库拒绝了 %2 的用户名或密码。</translation>
    </message>
    <message>
        <source>The registry at %1 has no %2.</source>
        <translation>%1 上的镜像仓库中没有 %2。</translation>
    </message>
    <message>
        <source>%1 is not a Docker registry (no /v2/ API).</source>
        <translation>%1 不是 Docker 镜像仓库（没有 /v2/ API）。</translation>
    </message>
    <message>
        <source>The registry at %1 answered %2 %3.</source>
        <translation>%1 上的镜像仓库返回 %2 %3。</translation>
    </message>
    <message>
        <source>The registry named a token service that is not an http(s) URL: %1</source>
        <translation>镜像仓库给出的令牌服务不是 http(s) URL：%1</translation>
    </message>
    <message>
        <source>Cannot reach the registry&apos;s token service at %1: %2</source>
        <translation>无法连接 %1 上的镜像仓库令牌服务：%2</translation>
    </message>
    <message>
        <source>The registry&apos;s token service at %1 needs you to log in.</source>
        <translation>%1 上的镜像仓库令牌服务需要登录。</translation>
    </message>
    <message>
        <source>The registry&apos;s token service at %1 refused the user name or password of %2.</source>
        <translation>%1 上的镜像仓库令牌服务拒绝了 %2 的用户名或密码。</translation>
    </message>
    <message>
        <source>The registry&apos;s token service at %1 answered %2.</source>
        <translation>%1 上的镜像仓库令牌服务返回 %2。</translation>
    </message>
    <message>
        <source>The registry&apos;s token service at %1 sent no token.</source>
        <translation>%1 上的镜像仓库令牌服务没有返回令牌。</translation>
    </message>
    <message>
        <source>A registry address is needed (host[:port] or https://host).</source>
        <translation>需要镜像仓库地址（主机[:端口] 或 https://主机）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a registry address (host[:port] or https://host).</source>
        <translation>“%1”不是镜像仓库地址（主机[:端口] 或 https://主机）。</translation>
    </message>
    <message>
        <source>This registry does not list its repositories (no catalog); open a repository by name. (%1)</source>
        <translation>该镜像仓库不提供仓库列表（没有 catalog）；请按名称打开仓库。（%1）</translation>
    </message>
    <message>
        <source>The registry did not say the digest of %1.</source>
        <translation>镜像仓库没有给出 %1 的摘要。</translation>
    </message>
    <message>
        <source>The registry sent a malformed digest for %1: %2</source>
        <translation>镜像仓库为 %1 返回了格式错误的摘要：%2</translation>
    </message>
    <message>
        <source>%1 is a schema 1 manifest, which Docker no longer supports; push it again with a current docker.</source>
        <translation>%1 是 schema 1 清单，Docker 已不再支持；请用新版 docker 重新推送。</translation>
    </message>
    <message>
        <source>The manifest of %1 has no image config.</source>
        <translation>%1 的清单中没有镜像配置。</translation>
    </message>
    <message>
        <source>The registry at %1 sent an answer larger than %2 MiB; it was not read.</source>
        <translation>%1 处的镜像仓库发送的应答超过 %2 MiB，未予读取。</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::ServiceStore</name>
    <message>
        <source>Host %1 already has a service named %2.</source>
        <translation>主机 %1 上已有名为 %2 的服务。</translation>
    </message>
    <message>
        <source>Service %1 on %2 was changed or removed meanwhile; look at it again and retry.</source>
        <translation>%2 上的服务 %1 已被他人修改或删除，请重新查看后再试。</translation>
    </message>
    <message>
        <source>Host %1 has no service named %2.</source>
        <translation>主机 %1 上没有名为 %2 的服务。</translation>
    </message>
    <message>
        <source>Service %1 has no previous configuration to go back to.</source>
        <translation>服务 %1 没有可回退的上一版配置。</translation>
    </message>
    <message>
        <source>Service %1 on %2 was changed meanwhile; retry.</source>
        <translation>%2 上的服务 %1 已被他人修改，请重试。</translation>
    </message>
    <message>
        <source>The edge router settings of %1 are larger than 64 KiB.</source>
        <translation>%1 的边缘路由器设置超过 64 KiB。</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::SshSession</name>
    <message>
        <source>No answer from %1 port %2 within %3 s (is the host up, and is a firewall dropping SSH?).</source>
        <translation>%1 的端口 %2 在 %3 秒内没有响应（主机是否在线？是否有防火墙丢弃了 SSH？）。</translation>
    </message>
    <message>
        <source>The SSH server %1 did not finish the handshake within %2 s.</source>
        <translation>SSH 服务器 %1 未在 %2 秒内完成握手。</translation>
    </message>
    <message>
        <source>Cannot start an SSH session: out of memory.</source>
        <translation>无法启动 SSH 会话：内存不足。</translation>
    </message>
    <message>
        <source>The SSH connection to %1 failed: %2.</source>
        <translation>到 %1 的 SSH 连接失败：%2。</translation>
    </message>
    <message>
        <source>Cannot resolve the host name &quot;%1&quot; (check the address and your DNS).</source>
        <translation>无法解析主机名“%1”（请检查地址和 DNS）。</translation>
    </message>
    <message>
        <source>connection refused (is sshd running and listening on port %1?)</source>
        <translation>连接被拒绝（sshd 是否在运行并监听端口 %1？）</translation>
    </message>
    <message>
        <source>the network is unreachable</source>
        <translation>网络不可达</translation>
    </message>
    <message>
        <source>Cannot connect to %1 port %2: %3.</source>
        <translation>无法连接 %1 的端口 %2：%3。</translation>
    </message>
    <message>
        <source>The SSH server %1 closed the connection.</source>
        <translation>SSH 服务器 %1 关闭了连接。</translation>
    </message>
    <message>
        <source>The SSH handshake with %1 failed: %2 (is that port an SSH server?)</source>
        <translation>与 %1 的 SSH 握手失败：%2（该端口是 SSH 服务器吗？）</translation>
    </message>
    <message>
        <source>Cannot open an SSH channel to %1: %2</source>
        <translation>无法打开到 %1 的 SSH 通道：%2</translation>
    </message>
    <message>
        <source>%1 refused to run &quot;%2&quot;: %3</source>
        <translation>%1 拒绝运行“%2”：%3</translation>
    </message>
    <message>
        <source>Writing to the SSH channel on %1 failed: %2</source>
        <translation>写入 %1 上的 SSH 通道失败：%2</translation>
    </message>
    <message>
        <source>Reading from the SSH channel on %1 failed: %2</source>
        <translation>读取 %1 上的 SSH 通道失败：%2</translation>
    </message>
    <message>
        <source>The SSH connection to %1 stopped answering (no reply for %2 s).</source>
        <translation>到 %1 的 SSH 连接不再响应（%2 秒无回复）。</translation>
    </message>
    <message>
        <source>The SSH server %1 sent no host key.</source>
        <translation>SSH 服务器 %1 没有发送主机密钥。</translation>
    </message>
    <message>
        <source>The host key of %1 has changed: it now presents the %2 key %3, which differs from the key recorded in %4. Someone could be intercepting the connection, so Wharf refuses to connect. If the host was really reinstalled, remove its old key first (&quot;Forget host key&quot; in the console, or wharfctl host forget-key).</source>
        <translation>%1 的主机密钥已改变：它现在出示 %2 密钥 %3，与 %4 中记录的密钥不同。连接可能被人截获，因此 Wharf 拒绝连接。如果该主机确实重装过，请先删除旧密钥（控制台中的“忘记主机密钥”，或 wharfctl host forget-key）。</translation>
    </message>
    <message>
        <source>There is no known_hosts file to save the host key of %1 in.</source>
        <translation>没有可用于保存 %1 主机密钥的 known_hosts 文件。</translation>
    </message>
    <message>
        <source>The host key of %1 is not known. Its %2 fingerprint is %3.</source>
        <translation>%1 的主机密钥未知。其 %2 指纹为 %3。</translation>
    </message>
    <message>
        <source>Check it with the host&apos;s administrator, then connect once with --accept-new-host-key to trust it.</source>
        <translation>请与主机管理员核对，然后使用 --accept-new-host-key 连接一次来信任它。</translation>
    </message>
    <message>
        <source>You chose not to trust it.</source>
        <translation>你选择了不信任它。</translation>
    </message>
    <message>
        <source>Authentication to %1 failed.</source>
        <translation>%1 身份验证失败。</translation>
    </message>
    <message>
        <source>No method could be tried.</source>
        <translation>没有可尝试的方式。</translation>
    </message>
    <message>
        <source>Tried: %1.</source>
        <translation>已尝试：%1。</translation>
    </message>
    <message>
        <source>The server accepts: %1.</source>
        <translation>服务器接受：%1。</translation>
    </message>
    <message>
        <source>The key file %1 does not exist.</source>
        <translation>私钥文件 %1 不存在。</translation>
    </message>
    <message>
        <source>%1 is not a private key Wharf can read (%2).</source>
        <translation>%1 不是 Wharf 能读取的私钥（%2）。</translation>
    </message>
    <message>
        <source>%1 is an RSA key: this build&apos;s libssh2 (1.10) can only sign with ssh-rsa (SHA-1), which current servers refuse. Use an Ed25519 or ECDSA key, or tick &quot;Use the system ssh client&quot; (wharfctl --ssh-client=openssh).</source>
        <translation>%1 是 RSA 密钥：本版本的 libssh2（1.10）只能用 ssh-rsa（SHA-1）签名，当前的服务器会拒绝。请使用 Ed25519 或 ECDSA 密钥，或勾选“使用系统 ssh 客户端”（wharfctl --ssh-client=openssh）。</translation>
    </message>
    <message>
        <source>%1 needs its passphrase, and none can be asked here (load the key into ssh-agent).</source>
        <translation>%1 需要口令，但这里无法询问（请把私钥加载到 ssh-agent）。</translation>
    </message>
    <message>
        <source>A password is needed, and none can be asked here.</source>
        <translation>需要密码，但这里无法询问。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The SSH server %1 did not list its authentication methods: %2</source>
        <translation>SSH 服务器 %1 没有列出其身份验证方式：%2</translation>
    </message>
    <message>
        <source>No passphrase was given for %1.</source>
        <translation>没有提供 %1 的口令。</translation>
    </message>
    <message>
        <source>The agent&apos;s RSA key %1 was skipped: this build&apos;s libssh2 (1.10) cannot sign with rsa-sha2. Use the system ssh client for it.</source>
        <translation>已跳过 ssh-agent 中的 RSA 密钥 %1：本版本的 libssh2（1.10）无法使用 rsa-sha2 签名。请为它使用系统 ssh 客户端。</translation>
    </message>
    <message>
        <source>ssh-agent key %1</source>
        <translation>ssh-agent 密钥 %1</translation>
    </message>
    <message>
        <source>ssh-agent</source>
        <translation>ssh-agent</translation>
    </message>
    <message>
        <source>The passphrase for %1 was wrong.</source>
        <translation>%1 的口令错误。</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>%1 has no docker command (%2). Install the Docker CLI there: Wharf runs &quot;docker system dial-stdio&quot; on the host.</source>
        <translation>%1 上没有 docker 命令（%2）。请在该主机上安装 Docker CLI：Wharf 会在主机上运行“docker system dial-stdio”。</translation>
    </message>
    <message>
        <source>The SSH user of %1 may not use the Docker socket (%2). Add the user to the docker group, or name a socket it may use in the address (ssh://user@host/run/user/UID/docker.sock).</source>
        <translation>%1 的 SSH 用户无权使用 Docker 套接字（%2）。请把该用户加入 docker 组，或在地址中指定它可以使用的套接字（ssh://user@host/run/user/UID/docker.sock）。</translation>
    </message>
    <message>
        <source>The docker command on %1 cannot reach its daemon (%2). Is dockerd running there, and is the socket path right?</source>
        <translation>%1 上的 docker 命令无法连接到守护进程（%2）。dockerd 是否在运行？套接字路径是否正确？</translation>
    </message>
    <message>
        <source>&quot;%1&quot; on %2 ended with exit status %3: %4</source>
        <translation>%2 上的“%1”已退出，退出状态 %3：%4</translation>
    </message>
    <message>
        <source>no output</source>
        <translation>无输出</translation>
    </message>
    <message>
        <source>No password was given.</source>
        <translation>没有提供密码。</translation>
    </message>
    <message>
        <source>Authentication to %1 did not finish within %2 s (is ssh-agent waiting for a confirmation?).</source>
        <translation>%1 的身份验证未在 %2 秒内完成（ssh-agent 是否在等待确认？）。</translation>
    </message>
    <message>
        <source>The ssh-agent did not sign (%1).</source>
        <translation>ssh-agent 没有签名（%1）。</translation>
    </message>
    <message>
        <source>The ssh-agent could not be reached (%1).</source>
        <translation>无法连接 ssh-agent（%1）。</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::Store</name>
    <message>
        <source>The SQLite driver of Qt is not installed (libqt6sql6-sqlite).</source>
        <translation>未安装 Qt 的 SQLite 驱动（libqt6sql6-sqlite）。</translation>
    </message>
    <message>
        <source>The PostgreSQL driver of Qt is not installed (libqt6sql6-psql).</source>
        <translation>未安装 Qt 的 PostgreSQL 驱动（libqt6sql6-psql）。</translation>
    </message>
    <message>
        <source>Cannot create the folder of the database %1.</source>
        <translation>无法创建数据库 %1 所在的文件夹。</translation>
    </message>
    <message>
        <source>Cannot open the database %1</source>
        <translation>无法打开数据库 %1</translation>
    </message>
    <message>
        <source>%1: permission denied (%2).</source>
        <translation>%1：权限不足（%2）。</translation>
    </message>
    <message>
        <source>%1: the database is read-only (%2).</source>
        <translation>%1：数据库为只读（%2）。</translation>
    </message>
    <message>
        <source>%1: it exists already.</source>
        <translation>%1：已存在。</translation>
    </message>
    <message>
        <source>%1: other records still refer to it.</source>
        <translation>%1：仍有其他记录引用它。</translation>
    </message>
    <message>
        <source>%1: the database is not reachable (%2). Check that it runs and the address is right.</source>
        <translation>%1：无法连接数据库（%2）。请检查它是否在运行、地址是否正确。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>database error</source>
        <translation>数据库错误</translation>
    </message>
    <message>
        <source>A database statement failed</source>
        <translation>数据库语句执行失败</translation>
    </message>
    <message>
        <source>Cannot start a database transaction</source>
        <translation>无法开始数据库事务</translation>
    </message>
    <message>
        <source>Cannot commit a database transaction</source>
        <translation>无法提交数据库事务</translation>
    </message>
    <message>
        <source>Migration %1 (%2) failed and was rolled back; the database stays at the version before it: %3</source>
        <translation>迁移 %1（%2）失败并已回滚；数据库保持在此前的版本：%3</translation>
    </message>
    <message>
        <source>The database %1 has schema version %2, newer than this Wharf knows (%3). Update Wharf; the database was left untouched.</source>
        <translation>数据库 %1 的架构版本为 %2，比此 Wharf 支持的（%3）更新。请升级 Wharf；数据库未被改动。</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::StoreUrl</name>
    <message>
        <source>&quot;%1&quot;: the only option of a SQLite address is mode=ro or mode=rw.</source>
        <translation>“%1”：SQLite 地址只支持 mode=ro 或 mode=rw 选项。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a database address: use sqlite:///absolute/path/file.db</source>
        <translation>“%1”不是数据库地址：请使用 sqlite:///绝对路径/文件.db</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a database address: use postgresql://user@host:port/database</source>
        <translation>“%1”不是数据库地址：请使用 postgresql://用户@主机:端口/数据库</translation>
    </message>
    <message>
        <source>Put no password in the database address; Wharf keeps it in the keychain (wharfctl db login).</source>
        <translation>请勿在数据库地址中写密码；Wharf 将密码保存在钥匙串中（wharfctl db login）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a database address: use sqlite:///path/file.db or postgresql://user@host:port/database</source>
        <translation>“%1”不是数据库地址：请使用 sqlite:///路径/文件.db 或 postgresql://用户@主机:端口/数据库</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::Tar</name>
    <message>
        <source>The archive is truncated.</source>
        <translation>归档不完整。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <source>The archive entry &quot;%1&quot; points outside the destination.</source>
        <translation>归档条目 &quot;%1&quot; 指向目标目录之外。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
    <message>
        <source>Cannot link %1 to %2.</source>
        <translation>无法将 %1 链接到 %2。</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::TcpTransport</name>
    <message>
        <source>The TLS certificate of %1 was rejected: %2. Check the CA certificate and the host name.</source>
        <translation>%1 的 TLS 证书被拒绝：%2。请检查 CA 证书和主机名。</translation>
    </message>
    <message>
        <source>Cannot connect to the Docker daemon at %1: %2.</source>
        <translation>无法连接到 %1 上的 Docker 守护进程：%2。</translation>
    </message>
    <message>
        <source>The Docker daemon at %1 did not accept the client certificate (is it signed by the CA the daemon trusts?).</source>
        <translation>%1 上的 Docker 守护进程不接受客户端证书（它是否由守护进程信任的 CA 签发？）。</translation>
    </message>
    <message>
        <source>The Docker daemon at %1 asks for a client certificate and key; none was given.</source>
        <translation>%1 上的 Docker 守护进程要求客户端证书和私钥，但未提供。</translation>
    </message>
</context>
<context>
    <name>Wharf::Backends::TenancyStore</name>
    <message>
        <source>&quot;%1&quot; is not a valid %2 name: use 1 to 40 lower-case letters, digits and dashes, starting with a letter or digit.</source>
        <translation>“%1”不是有效的%2名称：请使用 1 至 40 个小写字母、数字和短横线，并以字母或数字开头。</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>套餐</translation>
    </message>
    <message>
        <source>Plan &quot;%1&quot;: the number of containers must be at least 1.</source>
        <translation>套餐“%1”：容器数至少为 1。</translation>
    </message>
    <message>
        <source>Plan &quot;%1&quot;: the CPUs must be more than 0.</source>
        <translation>套餐“%1”：CPU 必须大于 0。</translation>
    </message>
    <message>
        <source>Plan &quot;%1&quot;: the memory must be more than 0.</source>
        <translation>套餐“%1”：内存必须大于 0。</translation>
    </message>
    <message>
        <source>Plan &quot;%1&quot;: the disk cannot be negative.</source>
        <translation>套餐“%1”：磁盘不能为负数。</translation>
    </message>
    <message>
        <source>Plan &quot;%1&quot; is a free tier: it cannot have prices.</source>
        <translation>套餐“%1”是免费套餐：不能设置价格。</translation>
    </message>
    <message>
        <source>Plan &quot;%1&quot;: give a price per hour or per month, not both.</source>
        <translation>套餐“%1”：请设置按小时或按月价格，不能同时设置。</translation>
    </message>
    <message>
        <source>A plan named &quot;%1&quot; exists already.</source>
        <translation>名为“%1”的套餐已存在。</translation>
    </message>
    <message>
        <source>Plan &quot;%1&quot; was changed by someone else since you opened it (revision %2, now %3). Reload it and make your change again.</source>
        <translation>套餐“%1”在您打开后已被他人修改（版本 %2，现为 %3）。请重新加载后再修改。</translation>
    </message>
    <message>
        <source>There is no plan named &quot;%1&quot;.</source>
        <translation>没有名为“%1”的套餐。</translation>
    </message>
    <message>
        <source>Plan &quot;%1&quot; is in use by %2; move them to another plan first.</source>
        <translation>套餐“%1”正被 %2 使用；请先将其改为其他套餐。</translation>
    </message>
    <message>
        <source>Plan &quot;%1&quot; appears in past bills and is kept for them.</source>
        <translation>套餐“%1”出现在历史账单中，需予以保留。</translation>
    </message>
    <message>
        <source>tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>A tenant needs a plan: --plan NAME.</source>
        <translation>租户需要套餐：--plan 名称。</translation>
    </message>
    <message>
        <source>A tenant named &quot;%1&quot; exists already.</source>
        <translation>名为“%1”的租户已存在。</translation>
    </message>
    <message>
        <source>There is no tenant named &quot;%1&quot;.</source>
        <translation>没有名为“%1”的租户。</translation>
    </message>
    <message>
        <source>A tenant is active or suspended, not &quot;%1&quot;.</source>
        <translation>租户状态只能是 active 或 suspended，而不是“%1”。</translation>
    </message>
    <message numerus="yes">
        <source>Tenant &quot;%1&quot; still owns %n resource(s); remove them first.</source>
        <translation>
            <numerusform>租户“%1”仍拥有 %n 个资源；请先删除它们。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot set the password of role %1.</source>
        <translation>无法设置角色 %1 的密码。</translation>
    </message>
    <message>
        <source>Tenant &quot;%1&quot; has no plan; an admin assigns one with: wharfctl tenant plan %1 PLAN</source>
        <translation>租户“%1”没有套餐；管理员可用以下命令分配：wharfctl tenant plan %1 套餐</translation>
    </message>
    <message>
        <source>Quota exceeded for tenant &quot;%1&quot;: %2 of %3 containers of plan &quot;%4&quot; are in use.</source>
        <translation>租户“%1”超出配额：套餐“%4”的 %3 个容器中已使用 %2 个。</translation>
    </message>
    <message>
        <source>Quota exceeded for tenant &quot;%1&quot;: %2 more CPUs asked, %3 of %4 CPUs of plan &quot;%5&quot; are in use.</source>
        <translation>租户“%1”超出配额：请求再增加 %2 个 CPU，套餐“%5”的 %4 个 CPU 中已使用 %3 个。</translation>
    </message>
    <message>
        <source>Quota exceeded for tenant &quot;%1&quot;: %2 more memory asked, %3 of %4 of plan &quot;%5&quot; are in use.</source>
        <translation>租户“%1”超出配额：请求再增加 %2 内存，套餐“%5”的 %4 中已使用 %3。</translation>
    </message>
    <message>
        <source>Quota exceeded for tenant &quot;%1&quot;: %2 of %3 disk of plan &quot;%4&quot; are in use.</source>
        <translation>租户“%1”超出配额：套餐“%4”的 %3 磁盘中已使用 %2。</translation>
    </message>
    <message>
        <source>Tenant &quot;%1&quot; is suspended: it cannot create or grow resources.</source>
        <translation>租户“%1”已暂停：不能创建或扩大资源。</translation>
    </message>
    <message>
        <source>Quota exceeded for tenant &quot;%1&quot; (plan &quot;%2&quot;).</source>
        <translation>租户“%1”超出配额（套餐“%2”）。</translation>
    </message>
    <message>
        <source>The reservation was not recorded.</source>
        <translation>预留未被记录。</translation>
    </message>
    <message>
        <source>Reservation %1 is gone (released by a reconciliation?).</source>
        <translation>预留 %1 已不存在（可能已被对账释放）。</translation>
    </message>
    <message>
        <source>No %1 &quot;%2&quot; is recorded on host %3.</source>
        <translation>主机 %3 上没有记录 %1“%2”。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; matches several %2s; give more of the id.</source>
        <translation>“%1”匹配多个 %2；请提供更长的 ID。</translation>
    </message>
    <message>
        <source>A host&apos;s domain is public or a tenant&apos;s private domain, not &quot;%1&quot;.</source>
        <translation>主机的域只能是公共域或某租户的私有域，而不是“%1”。</translation>
    </message>
    <message>
        <source>A private host belongs to a tenant: name it.</source>
        <translation>私有主机属于某个租户：请指定租户。</translation>
    </message>
    <message>
        <source>Resource %1 is not recorded (removed meanwhile?).</source>
        <translation>资源 %1 没有记录（是否已被删除？）。</translation>
    </message>
    <message>
        <source>Database roles need PostgreSQL; an embedded SQLite database has one local user.</source>
        <translation>数据库角色需要 PostgreSQL；内嵌的 SQLite 数据库只有一个本地用户。</translation>
    </message>
    <message>
        <source>A database password needs at least 12 characters.</source>
        <translation>数据库密码至少需要 12 个字符。</translation>
    </message>
    <message>
        <source>The role name %1 is longer than PostgreSQL&apos;s 63 characters: choose a shorter name.</source>
        <translation>角色名 %1 超过了 PostgreSQL 的 63 个字符上限：请选一个更短的名称。</translation>
    </message>
    <message>
        <source>Cannot remove the database role %1: %2</source>
        <translation>无法删除数据库角色 %1：%2</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>There is already a user named &quot;%1&quot;.</source>
        <translation>已经有名为“%1”的用户。</translation>
    </message>
    <message>
        <source>There is no user named &quot;%1&quot;.</source>
        <translation>没有名为“%1”的用户。</translation>
    </message>
    <message>
        <source>Plan &quot;%1&quot;: the processes must be at least 16 (or 0 for no limit).</source>
        <translation>套餐“%1”:进程数至少为 16(0 表示不限)。</translation>
    </message>
    <message numerus="yes">
        <source>Tenant &quot;%1&quot; still has a daemon on %n host(s); deprovision it first (wharfctl tenant deprovision).</source>
        <translation>
            <numerusform>租户“%1”仍在 %n 台主机上有守护进程；请先撤销（wharfctl tenant deprovision）。</numerusform>
        </translation>
    </message>
    <message>
        <source>An endpoint is a tenant&apos;s rootless daemon or a dedicated host, not &quot;%1&quot;.</source>
        <translation>端点只能是租户的无根守护进程或专属主机,而不是“%1”。</translation>
    </message>
    <message>
        <source>Host %1 serves tenant &quot;%2&quot; already; a dedicated host serves one tenant only.</source>
        <translation>主机 %1 已在为租户“%2”服务;专属主机只服务一个租户。</translation>
    </message>
    <message>
        <source>Host %1 is dedicated to tenant &quot;%2&quot;; it runs no other tenant&apos;s daemon.</source>
        <translation>主机 %1 是租户“%2”的专属主机;不运行其他租户的守护进程。</translation>
    </message>
    <message>
        <source>Tenant &quot;%1&quot; has no endpoint on %2.</source>
        <translation>租户“%1”在 %2 上没有端点。</translation>
    </message>
</context>
<context>
    <name>Wharf::Models::Apps</name>
    <message>
        <source>service &quot;%1&quot;: the label %2 is reserved</source>
        <translation>服务“%1”：标签 %2 是保留的</translation>
    </message>
    <message>
        <source>service &quot;%1&quot;: %2 mounts are not supported on this host</source>
        <translation>服务“%1”：此主机不支持 %2 类型的挂载</translation>
    </message>
    <message>
        <source>service &quot;%1&quot;: only secrets and configs from files can be deployed (%2)</source>
        <translation>服务“%1”：只能部署来自文件的密钥和配置（%2）</translation>
    </message>
    <message>
        <source>service &quot;%1&quot; has neither an image nor a build</source>
        <translation>服务 &quot;%1&quot; 既没有镜像也没有构建配置</translation>
    </message>
    <message>
        <source>Building %1: %2</source>
        <translation>正在构建 %1：%2</translation>
    </message>
    <message>
        <source>Pulling %1</source>
        <translation>正在拉取 %1</translation>
    </message>
    <message>
        <source>Building %1 from %2</source>
        <translation>正在从 %2 构建 %1</translation>
    </message>
    <message>
        <source>service %1: %2</source>
        <translation>服务 %1：%2</translation>
    </message>
</context>
<context>
    <name>Wharf::Models::Apps::AppActions</name>
    <message>
        <source>the host is not connected</source>
        <translation>主机未连接</translation>
    </message>
    <message>
        <source>Deploy app %1 on %2</source>
        <translation>在 %2 上部署应用 %1</translation>
    </message>
    <message>
        <source>Stop app %1</source>
        <translation>停止应用 %1</translation>
    </message>
    <message>
        <source>Start app %1</source>
        <translation>启动应用 %1</translation>
    </message>
    <message>
        <source>Restart app %1</source>
        <translation>重启应用 %1</translation>
    </message>
    <message>
        <source>Remove app %1</source>
        <translation>移除应用 %1</translation>
    </message>
    <message>
        <source>The host was removed.</source>
        <translation>该主机已被移除。</translation>
    </message>
</context>
<context>
    <name>Wharf::Models::Apps::AppDeployer</name>
    <message>
        <source>Creating network %1</source>
        <translation>正在创建网络 %1</translation>
    </message>
    <message>
        <source>Creating volume %1</source>
        <translation>正在创建数据卷 %1</translation>
    </message>
    <message>
        <source>Starting %1</source>
        <translation>正在启动 %1</translation>
    </message>
    <message>
        <source>Creating %1</source>
        <translation>正在创建 %1</translation>
    </message>
    <message>
        <source>Recreating %1</source>
        <translation>正在重建 %1</translation>
    </message>
    <message>
        <source>Removing %1 (%2)</source>
        <translation>正在移除 %1（%2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 is deployed</source>
        <translation>%1 已部署</translation>
    </message>
    <message>
        <source>Waiting for %1 to be healthy</source>
        <translation>正在等待 %1 变为健康</translation>
    </message>
    <message>
        <source>service %1 has no health check, so it can never be healthy (depends_on: condition: service_healthy)</source>
        <translation>服务 %1 没有健康检查，因此永远不会变为健康（depends_on: condition: service_healthy）</translation>
    </message>
    <message>
        <source>service %1 is unhealthy</source>
        <translation>服务 %1 不健康</translation>
    </message>
    <message>
        <source>service %1 stopped while its health was awaited</source>
        <translation>在等待健康状态时服务 %1 已停止</translation>
    </message>
    <message>
        <source>%1 is healthy</source>
        <translation>%1 已健康</translation>
    </message>
    <message>
        <source>service %1 did not become healthy in %2 s</source>
        <translation>服务 %1 在 %2 秒内未变为健康</translation>
    </message>
    <message>
        <source>Waiting for %1 to complete</source>
        <translation>正在等待 %1 完成</translation>
    </message>
    <message>
        <source>service %1 did not complete successfully (exit code %2)</source>
        <translation>服务 %1 未成功完成（退出码 %2）</translation>
    </message>
    <message>
        <source>Rolling back: %1</source>
        <translation>正在回滚：%1</translation>
    </message>
    <message>
        <source>%1 (rolled back: the app is as it was)</source>
        <translation>%1（已回滚：应用保持原样）</translation>
    </message>
    <message>
        <source>there is no app &quot;%1&quot; on this host</source>
        <translation>此主机上没有应用“%1”</translation>
    </message>
    <message>
        <source>Stopping %1</source>
        <translation>正在停止 %1</translation>
    </message>
    <message>
        <source>Restarting %1</source>
        <translation>正在重启 %1</translation>
    </message>
    <message>
        <source>Removing %1</source>
        <translation>正在移除 %1</translation>
    </message>
    <message>
        <source>Removing network %1</source>
        <translation>正在移除网络 %1</translation>
    </message>
    <message>
        <source>Removing volume %1</source>
        <translation>正在移除数据卷 %1</translation>
    </message>
    <message>
        <source>There is an app &quot;%1&quot; on this host that is not yours: %2</source>
        <translation>此主机上名为“%1”的应用不属于您：%2</translation>
    </message>
    <message>
        <source>Built %1</source>
        <translation>已构建 %1</translation>
    </message>
    <message>
        <source>Pulled %1</source>
        <translation>已拉取 %1</translation>
    </message>
    <message>
        <source>the image changed</source>
        <translation>镜像已变化</translation>
    </message>
    <message>
        <source>Restarting %1 (%2 changed)</source>
        <translation>正在重启 %1（%2 已变化）</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>Wharf::Models::Apps::AppListModel</name>
    <message>
        <source>running (%1/%2)</source>
        <translation>运行中（%1/%2）</translation>
    </message>
    <message>
        <source>partial (%1/%2)</source>
        <translation>部分运行（%1/%2）</translation>
    </message>
    <message>
        <source>stopped (%1/%2)</source>
        <translation>已停止（%1/%2）</translation>
    </message>
    <message>
        <source>Deployed by Wharf from %1</source>
        <translation>由 Wharf 从 %1 部署</translation>
    </message>
    <message>
        <source>Deployed by docker compose from %1</source>
        <translation>由 docker compose 从 %1 部署</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
</context>
<context>
    <name>Wharf::Models::Apps::ComposeDocument</name>
    <message>
        <source>a compose file is a mapping (services:, volumes:, ...)</source>
        <translation>compose 文件应为映射（services:、volumes: 等）</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>there is no service &quot;%1&quot;</source>
        <translation>没有服务“%1”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a restart policy (no, always, on-failure[:N], unless-stopped)</source>
        <translation>“%1”不是重启策略（no、always、on-failure[:N]、unless-stopped）</translation>
    </message>
    <message>
        <source>a quote is not closed in the command</source>
        <translation>命令中的引号没有闭合</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not KEY=VALUE</source>
        <translation>“%1”不是 键=值 格式</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port mapping ([IP:][HOST:]CONTAINER[/PROTOCOL])</source>
        <translation>“%1”不是端口映射（[IP:][主机端口:]容器端口[/协议]）</translation>
    </message>
    <message>
        <source>%1 is not a port (1-65535)</source>
        <translation>%1 不是端口（1-65535）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number of replicas</source>
        <translation>“%1”不是副本数</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number of CPUs</source>
        <translation>“%1”不是 CPU 数量</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a size (like 512m or 1g)</source>
        <translation>“%1”不是大小（例如 512m 或 1g）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be edited here; edit it in the YAML</source>
        <translation>“%1”不能在这里编辑；请在 YAML 中编辑</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid service name: use letters, digits, dots, dashes and underscores</source>
        <translation>“%1”不是有效的服务名称：请使用字母、数字、点、短横线和下划线</translation>
    </message>
    <message>
        <source>there is a service &quot;%1&quot; already</source>
        <translation>已经有服务“%1”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid volume name</source>
        <translation>“%1”不是有效的数据卷名称</translation>
    </message>
    <message>
        <source>there is a volume &quot;%1&quot; already</source>
        <translation>已经有数据卷“%1”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid network name</source>
        <translation>“%1”不是有效的网络名称</translation>
    </message>
    <message>
        <source>there is a network &quot;%1&quot; already</source>
        <translation>已经有网络“%1”</translation>
    </message>
    <message>
        <source>there is no %1 &quot;%2&quot;</source>
        <translation>没有 %1“%2”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid name: use letters, digits, dots, dashes and underscores</source>
        <translation>“%1”不是有效的名称：请使用字母、数字、点、短横线和下划线</translation>
    </message>
    <message>
        <source>the name &quot;%1&quot; is taken</source>
        <translation>名称“%1”已被占用</translation>
    </message>
    <message>
        <source>a service cannot depend on itself</source>
        <translation>服务不能依赖于自身</translation>
    </message>
    <message>
        <source>both ends of a dependency must be services</source>
        <translation>依赖关系的两端都必须是服务</translation>
    </message>
    <message>
        <source>%1 depends on %2 already</source>
        <translation>%1 已经依赖于 %2</translation>
    </message>
    <message>
        <source>%1 depends on %2 already, through others: that would be a cycle</source>
        <translation>%1 已经通过其他服务依赖于 %2：这会形成循环</translation>
    </message>
    <message>
        <source>%1 does not depend on %2</source>
        <translation>%1 并不依赖于 %2</translation>
    </message>
    <message>
        <source>there is no volume &quot;%1&quot;</source>
        <translation>没有数据卷“%1”</translation>
    </message>
    <message>
        <source>the path in the container must be absolute (like /var/lib/data)</source>
        <translation>容器内路径必须是绝对路径（例如 /var/lib/data）</translation>
    </message>
    <message>
        <source>%1 mounts something at %2 already</source>
        <translation>%1 已经在 %2 挂载了其他内容</translation>
    </message>
    <message>
        <source>there is no network &quot;%1&quot;</source>
        <translation>没有网络“%1”</translation>
    </message>
    <message>
        <source>%1 is in %2 already</source>
        <translation>%1 已经在 %2 中</translation>
    </message>
    <message>
        <source>%1 is not in %2</source>
        <translation>%1 不在 %2 中</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a mount (TARGET, SOURCE:TARGET or SOURCE:TARGET:ro; the target is a path in the container)</source>
        <translation>“%1”不是挂载（目标、源:目标 或 源:目标:ro；目标是容器中的路径）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither a path nor a volume name</source>
        <translation>“%1”既不是路径也不是数据卷名称</translation>
    </message>
</context>
<context>
    <name>Wharf::Models::Apps::DeployPlan</name>
    <message>
        <source>%1 to create</source>
        <translation>%1 个待创建</translation>
    </message>
    <message>
        <source>%1 to recreate</source>
        <translation>%1 个待重建</translation>
    </message>
    <message>
        <source>%1 to start</source>
        <translation>%1 个待启动</translation>
    </message>
    <message>
        <source>%1 to remove</source>
        <translation>%1 个待移除</translation>
    </message>
    <message>
        <source>%1 unchanged</source>
        <translation>%1 个不变</translation>
    </message>
    <message>
        <source>nothing to do</source>
        <translation>无需任何操作</translation>
    </message>
    <message>
        <source>network %1</source>
        <translation>网络 %1</translation>
    </message>
    <message>
        <source>volume %1</source>
        <translation>数据卷 %1</translation>
    </message>
    <message>
        <source>the external network %1 does not exist on this host; create it first</source>
        <translation>外部网络 %1 在此主机上不存在；请先创建</translation>
    </message>
    <message>
        <source>the external volume %1 does not exist on this host; create it first</source>
        <translation>外部数据卷 %1 在此主机上不存在；请先创建</translation>
    </message>
    <message>
        <source>configuration changed</source>
        <translation>配置已更改</translation>
    </message>
    <message>
        <source>it is %1</source>
        <translation>当前为 %1</translation>
    </message>
    <message>
        <source>scaled down to %1</source>
        <translation>缩容到 %1</translation>
    </message>
    <message>
        <source>a second container with number %1</source>
        <translation>编号 %1 的第二个容器</translation>
    </message>
    <message>
        <source>service %1 is no longer in the file</source>
        <translation>服务 %1 已不在文件中</translation>
    </message>
    <message>
        <source>1 image to pull</source>
        <translation>1 个镜像待拉取</translation>
    </message>
    <message>
        <source>%1 images to pull</source>
        <translation>%1 个镜像待拉取</translation>
    </message>
    <message>
        <source>1 image to build</source>
        <translation>1 个镜像待构建</translation>
    </message>
    <message>
        <source>%1 images to build</source>
        <translation>%1 个镜像待构建</translation>
    </message>
    <message>
        <source>image %1</source>
        <translation>镜像 %1</translation>
    </message>
    <message>
        <source>service %1: the image %2 is not on this host and its pull_policy is never</source>
        <translation>服务 %1：此主机上没有镜像 %2，且其 pull_policy 为 never</translation>
    </message>
    <message>
        <source>not on this host</source>
        <translation>此主机上没有</translation>
    </message>
    <message>
        <source>build requested</source>
        <translation>要求重新构建</translation>
    </message>
    <message>
        <source>pull requested</source>
        <translation>要求重新拉取</translation>
    </message>
    <message>
        <source>the image changed</source>
        <translation>镜像已变化</translation>
    </message>
    <message>
        <source>restarts, as %1 changes</source>
        <translation>将重启，因为 %1 有变化</translation>
    </message>
</context>
<context>
    <name>Wharf::Models::BillCalculator</name>
    <message>
        <source>A bill is per hour, day or month, not &quot;%1&quot;.</source>
        <translation>账单周期只能是小时、天或月，而不是“%1”。</translation>
    </message>
    <message>
        <source>The bill&apos;s end must come after its start.</source>
        <translation>账单的结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>There is no tenant named &quot;%1&quot;.</source>
        <translation>没有名为“%1”的租户。</translation>
    </message>
    <message>
        <source>A bill is for an hour, a day or a month, not &quot;%1&quot;.</source>
        <translation>账单按小时、天或月开具，而不是“%1”。</translation>
    </message>
    <message>
        <source>The %1 from %2 is not over yet: it can be billed from %3 on.</source>
        <translation>自 %2 起的这个 %1 还没有结束：从 %3 起才能开具账单。</translation>
    </message>
</context>
<context>
    <name>Wharf::Models::ConnectionProfile</name>
    <message>
        <source>A connection profile is at most %1 KiB; this one has %2 bytes.</source>
        <translation>连接配置文件最多 %1 KiB；此文件有 %2 字节。</translation>
    </message>
    <message>
        <source>This is not a connection profile (not a JSON object: %1).</source>
        <translation>这不是连接配置文件（不是 JSON 对象：%1）。</translation>
    </message>
    <message>
        <source>This is not a connection profile (no &quot;wharfProfile&quot;).</source>
        <translation>这不是连接配置文件（没有“wharfProfile”）。</translation>
    </message>
    <message>
        <source>This connection profile is of version %1; this Wharf reads version %2 and older.</source>
        <translation>此连接配置文件的版本为 %1；本 Wharf 只能读取 %2 及更早的版本。</translation>
    </message>
    <message>
        <source>The connection profile names no tenant, or one that cannot be (&quot;%1&quot;).</source>
        <translation>连接配置文件没有指明租户，或指明的租户名称无效（“%1”）。</translation>
    </message>
    <message>
        <source>The connection profile&apos;s database is not a PostgreSQL address: %1</source>
        <translation>连接配置文件中的数据库不是 PostgreSQL 地址：%1</translation>
    </message>
    <message>
        <source>A connection profile has at most %1 hosts; this one has %2.</source>
        <translation>连接配置文件最多包含 %1 台主机；此文件有 %2 台。</translation>
    </message>
    <message>
        <source>A host of the connection profile has no usable name.</source>
        <translation>连接配置文件中的某台主机没有可用的名称。</translation>
    </message>
    <message>
        <source>The host %1 of the connection profile is of an unknown kind &quot;%2&quot;.</source>
        <translation>连接配置文件中的主机 %1 类型未知：“%2”。</translation>
    </message>
    <message>
        <source>The host %1 of the connection profile has no ssh:// address of a daemon (%2).</source>
        <translation>连接配置文件中的主机 %1 没有守护进程的 ssh:// 地址（%2）。</translation>
    </message>
    <message>
        <source>The host %1 was not saved: %2</source>
        <translation>主机 %1 未保存：%2</translation>
    </message>
</context>
<context>
    <name>Wharf::Models::ContainerListModel</name>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Exited</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>Restarting</source>
        <translation>重启中</translation>
    </message>
    <message>
        <source>Removing</source>
        <translation>删除中</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>已失效</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状况</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Created</source>
        <comment>column: creation time</comment>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>Wharf::Models::ControlLoop</name>
    <message>
        <source>tenant %1&apos;s daemon: </source>
        <translation>租户 %1 的守护进程：</translation>
    </message>
</context>
<context>
    <name>Wharf::Models::EventListModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
</context>
<context>
    <name>Wharf::Models::ExecSession</name>
    <message>
        <source>The command has a quote that is not closed.</source>
        <translation>命令中有未闭合的引号。</translation>
    </message>
    <message>
        <source>The host is not connected.</source>
        <translation>主机未连接。</translation>
    </message>
</context>
<context>
    <name>Wharf::Models::HostConnection</name>
    <message>
        <source>Disconnected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Down: %1</source>
        <translation>不可用：%1</translation>
    </message>
    <message>
        <source>Reconnecting (attempt %1)</source>
        <translation>正在重新连接（第 %1 次）</translation>
    </message>
    <message>
        <source>The daemon closed the event stream.</source>
        <translation>守护进程关闭了事件流。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation>启动 %1</translation>
    </message>
    <message>
        <source>Stop %1</source>
        <translation>停止 %1</translation>
    </message>
    <message>
        <source>Restart %1</source>
        <translation>重启 %1</translation>
    </message>
    <message>
        <source>Kill %1</source>
        <translation>强制终止 %1</translation>
    </message>
    <message>
        <source>Pause %1</source>
        <translation>暂停 %1</translation>
    </message>
    <message>
        <source>Resume %1</source>
        <translation>恢复 %1</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Create %1</source>
        <translation>创建 %1</translation>
    </message>
    <message>
        <source>Create volume %1</source>
        <translation>创建数据卷 %1</translation>
    </message>
    <message>
        <source>Remove volume %1</source>
        <translation>删除数据卷 %1</translation>
    </message>
    <message>
        <source>Create network %1</source>
        <translation>创建网络 %1</translation>
    </message>
    <message>
        <source>Remove network %1</source>
        <translation>删除网络 %1</translation>
    </message>
    <message>
        <source>The TLS key of this host is kept in the keychain, and no keychain is available.</source>
        <translation>该主机的 TLS 私钥保存在钥匙串中，但没有可用的钥匙串。</translation>
    </message>
    <message>
        <source>The TLS key of this host is missing from the keychain; add the host again.</source>
        <translation>钥匙串中缺少该主机的 TLS 私钥；请重新添加该主机。</translation>
    </message>
    <message>
        <source>No answer to the heartbeat: %1</source>
        <translation>心跳无应答：%1</translation>
    </message>
    <message>
        <source>Change the limits of %1</source>
        <translation>更改 %1 的资源限制</translation>
    </message>
    <message>
        <source>%1 is not connected.</source>
        <translation>%1 未连接。</translation>
    </message>
</context>
<context>
    <name>Wharf::Models::HostStore</name>
    <message>
        <source>Cannot read the host list %1: %2.</source>
        <translation>无法读取主机列表 %1：%2。</translation>
    </message>
    <message>
        <source>The host list %1 is damaged (%2); it was left as it is.</source>
        <translation>主机列表 %1 已损坏（%2），已保持原样未作改动。</translation>
    </message>
    <message>
        <source>Cannot write the host list %1: %2.</source>
        <translation>无法写入主机列表 %1：%2。</translation>
    </message>
    <message>
        <source>Give the host a name.</source>
        <translation>请为主机命名。</translation>
    </message>
    <message>
        <source>A host named &quot;%1&quot; exists already.</source>
        <translation>名为 &quot;%1&quot; 的主机已存在。</translation>
    </message>
    <message>
        <source>No such host.</source>
        <translation>没有这个主机。</translation>
    </message>
    <message>
        <source>No keychain is available to keep the private key.</source>
        <translation>没有可用的钥匙串来保存私钥。</translation>
    </message>
    <message>
        <source>The host was not added: %1</source>
        <translation>未添加主机：%1</translation>
    </message>
    <message>
        <source>The host list was closed.</source>
        <translation>主机列表已关闭。</translation>
    </message>
    <message>
        <source>The host was removed, but its key is still in the keychain: %1</source>
        <translation>主机已删除，但其私钥仍在钥匙串中：%1</translation>
    </message>
    <message>
        <source>Give the group a name.</source>
        <translation>请为分组命名。</translation>
    </message>
    <message>
        <source>There is no group &quot;%1&quot;.</source>
        <translation>没有名为 &quot;%1&quot; 的分组。</translation>
    </message>
</context>
<context>
    <name>Wharf::Models::ImageActions</name>
    <message>
        <source>Canceled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Pull %1</source>
        <translation>拉取 %1</translation>
    </message>
    <message>
        <source>Push %1</source>
        <translation>推送 %1</translation>
    </message>
    <message>
        <source>Push takes a tag, not a digest.</source>
        <translation>推送需要标签，而不是摘要。</translation>
    </message>
    <message>
        <source>Tag %1 as %2</source>
        <translation>将 %1 标记为 %2</translation>
    </message>
    <message>
        <source>A tag cannot be a digest.</source>
        <translation>标签不能是摘要。</translation>
    </message>
    <message>
        <source>Remove image %1 (forced)</source>
        <translation>删除镜像 %1（强制）</translation>
    </message>
    <message>
        <source>Remove image %1</source>
        <translation>删除镜像 %1</translation>
    </message>
    <message>
        <source>%1 untagged, %2 layers deleted</source>
        <translation>已取消 %1 个标签，删除了 %2 层</translation>
    </message>
    <message>
        <source>Remove unused images</source>
        <translation>删除未使用的镜像</translation>
    </message>
    <message>
        <source>Remove dangling images</source>
        <translation>删除悬空镜像</translation>
    </message>
    <message>
        <source>%1 images removed, %2 reclaimed</source>
        <translation>已删除 %1 个镜像，回收 %2</translation>
    </message>
    <message>
        <source>Save %1 to %2</source>
        <translation>将 %1 保存到 %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Load images from %1</source>
        <translation>从 %1 载入镜像</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not an image archive (docker save and Wharf&apos;s Save make them).</source>
        <translation>%1 不是镜像归档（由 docker save 或 Wharf 的“保存”生成）。</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <source>%1 is not a tar archive of a root file system.</source>
        <translation>%1 不是根文件系统的 tar 归档。</translation>
    </message>
    <message>
        <source>Build %1</source>
        <translation>构建 %1</translation>
    </message>
    <message>
        <source>Sending build context: %1 in %2 files (%3 left out by .dockerignore)</source>
        <translation>正在发送构建上下文：%2 个文件共 %1（.dockerignore 排除了 %3 个）</translation>
    </message>
</context>
<context>
    <name>Wharf::Models::LocalRegistryDeployer</name>
    <message>
        <source>A registry needs a name without &apos;/&apos;.</source>
        <translation>镜像仓库需要一个不含 &apos;/&apos; 的名称。</translation>
    </message>
    <message>
        <source>There is already a registry named &quot;%1&quot;.</source>
        <translation>已有名为“%1”的镜像仓库。</translation>
    </message>
    <message>
        <source>The port must be between 1 and 65535.</source>
        <translation>端口必须在 1 到 65535 之间。</translation>
    </message>
    <message>
        <source>%1 is already in the registry list as &quot;%2&quot;.</source>
        <translation>%1 已以“%2”的名称在镜像仓库列表中。</translation>
    </message>
    <message>
        <source>Looking for the image %1</source>
        <translation>正在查找镜像 %1</translation>
    </message>
    <message>
        <source>Pulling %1</source>
        <translation>正在拉取 %1</translation>
    </message>
    <message>
        <source>Pulling %1 failed: %2</source>
        <translation>拉取 %1 失败：%2</translation>
    </message>
    <message>
        <source>Creating the volume %1</source>
        <translation>正在创建数据卷 %1</translation>
    </message>
    <message>
        <source>Starting the registry container</source>
        <translation>正在启动镜像仓库容器</translation>
    </message>
    <message>
        <source>Waiting for the registry to answer</source>
        <translation>正在等待镜像仓库应答</translation>
    </message>
    <message>
        <source>The registry container started but did not answer at %1: %2</source>
        <translation>镜像仓库容器已启动，但 %1 没有应答：%2</translation>
    </message>
    <message>
        <source>On %1 the registry would be published on that host&apos;s loopback, which this console cannot reach. Publish it on an address of the host (and protect it with a firewall or TLS in front), or run it on this machine&apos;s engine.</source>
        <translation>在 %1 上，镜像仓库会发布在该主机的回环地址上，本控制台无法访问。请把它发布在该主机的某个地址上（并用防火墙或前置 TLS 加以保护），或在本机的引擎上运行。</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>Wharf::Models::LogFollower</name>
    <message>
        <source>Cannot read the logs: %1</source>
        <translation>无法读取日志：%1</translation>
    </message>
    <message>
        <source>The log stream was malformed and was stopped: %1</source>
        <translation>日志流格式错误，已停止：%1</translation>
    </message>
    <message>
        <source>The container no longer exists.</source>
        <translation>该容器已不存在。</translation>
    </message>
    <message>
        <source>The log stream stopped: %1</source>
        <translation>日志流已停止：%1</translation>
    </message>
    <message>
        <source>The log stream stopped: %1 It resumes when the host is back.</source>
        <translation>日志流已停止：%1 主机恢复后将自动继续。</translation>
    </message>
    <message>
        <source>The container stopped; its logs continue here when it runs again.</source>
        <translation>容器已停止；再次运行时日志会在这里继续显示。</translation>
    </message>
</context>
<context>
    <name>Wharf::Models::Operations</name>
    <message>
        <source>Cancelled before it was sent.</source>
        <translation>发送前已取消。</translation>
    </message>
    <message>
        <source>This needs the platform database (wharfctl --db, or the console&apos;s database settings).</source>
        <translation>这需要平台数据库(wharfctl --db,或控制台的数据库设置)。</translation>
    </message>
</context>
<context>
    <name>Wharf::Models::PolicyGate</name>
    <message>
        <source>Host %1 is not in the domain of tenant &quot;%2&quot; nor in the public domain.</source>
        <translation>主机 %1 既不在租户“%2”的域中，也不在公共域中。</translation>
    </message>
    <message>
        <source>Tenant &quot;%1&quot; may not use %2.</source>
        <translation>租户“%1”不能使用 %2。</translation>
    </message>
    <message>
        <source>No %1 &quot;%2&quot; of tenant &quot;%3&quot; on host %4.</source>
        <translation>主机 %4 上没有租户“%3”的 %1“%2”。</translation>
    </message>
    <message>
        <source>Tenant &quot;%1&quot; may not have the daemon fetch %2 (%3).</source>
        <translation>租户“%1”不能让守护进程获取 %2（%3）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not available to tenant &quot;%2&quot;.</source>
        <translation>租户“%2”不能使用“%1”。</translation>
    </message>
    <message>
        <source>Volume &quot;%1&quot; is not a volume of tenant &quot;%2&quot; on host %3; create it with: wharfctl --tenant %2 volume create %1</source>
        <translation>数据卷“%1”不是主机 %3 上租户“%2”的数据卷；可用以下命令创建：wharfctl --tenant %2 volume create %1</translation>
    </message>
    <message>
        <source>Tenant &quot;%1&quot; may not use --driver %2.</source>
        <translation>租户“%1”不能使用 --driver %2。</translation>
    </message>
    <message>
        <source>Tenant &quot;%1&quot; may not use --opt.</source>
        <translation>租户“%1”不能使用 --opt。</translation>
    </message>
    <message>
        <source>Tenant &quot;%1&quot; may not change %2.</source>
        <translation>租户“%1”不能更改 %2。</translation>
    </message>
    <message>
        <source>Tenant &quot;%1&quot; may not lift a container&apos;s limits; give --cpus and --memory a positive value.</source>
        <translation>租户“%1”不能取消容器的资源限制；请为 --cpus 和 --memory 指定正值。</translation>
    </message>
    <message>
        <source>The app name &quot;%1&quot; is taken on host %2; choose another.</source>
        <translation>应用名称“%1”在主机 %2 上已被占用，请另选一个。</translation>
    </message>
    <message>
        <source>Tenant &quot;%1&quot; may run at most %2 processes in a container (plan %3), not %4.</source>
        <translation>租户“%1”每个容器最多可运行 %2 个进程(套餐 %3),不能是 %4。</translation>
    </message>
    <message>
        <source>The app &quot;%1&quot; on host %2 is not an app of tenant &quot;%3&quot;; a container joins an app by its deploy.</source>
        <translation>主机 %2 上的应用“%1”不是租户“%3”的应用;容器只能通过部署加入应用。</translation>
    </message>
    <message>
        <source>Tenant &quot;%1&quot; may not publish every port (-P) on the shared host %2: publish each on 127.0.0.1 (-p 127.0.0.1:8080:80); the platform&apos;s edge router makes services public.</source>
        <translation>租户“%1”不能在共享主机 %2 上发布全部端口（-P）：请逐个发布在 127.0.0.1 上（-p 127.0.0.1:8080:80）；由平台的边缘路由器对外公开服务。</translation>
    </message>
    <message>
        <source>Tenant &quot;%1&quot; may not publish port %2 on the shared host %3: ports below 1024 are the platform&apos;s edge router&apos;s; use 1024 or above.</source>
        <translation>租户“%1”不能在共享主机 %3 上发布端口 %2：1024 以下的端口归平台的边缘路由器使用；请使用 1024 或以上的端口。</translation>
    </message>
    <message>
        <source>Tenant &quot;%1&quot; may not publish %2 on %3 of the shared host %4: publish it on 127.0.0.1 (-p 127.0.0.1:%6:%5); the platform&apos;s edge router makes services public.</source>
        <translation>租户“%1”不能在共享主机 %4 的 %3 上发布 %2：请发布在 127.0.0.1 上（-p 127.0.0.1:%6:%5）；由平台的边缘路由器对外公开服务。</translation>
    </message>
    <message>
        <source>all interfaces</source>
        <translation>所有网络接口</translation>
    </message>
    <message>
        <source>Tenant &quot;%1&quot; may name images only under %1/ (%1/web:1) or after an app of its own, not &quot;%2&quot;: every tenant&apos;s containers on the host use an image of that name.</source>
        <translation>租户“%1”只能把镜像命名在 %1/ 之下（%1/web:1）或以自己的应用名开头，不能命名为“%2”：该主机上所有租户的容器都使用这个名称的镜像。</translation>
    </message>
</context>
<context>
    <name>Wharf::Models::RegistryBrowser</name>
    <message>
        <source>No registry is open.</source>
        <translation>没有打开的镜像仓库。</translation>
    </message>
</context>
<context>
    <name>Wharf::Models::RegistryStore</name>
    <message>
        <source>Cannot read the registry list %1: %2.</source>
        <translation>无法读取镜像仓库列表 %1：%2。</translation>
    </message>
    <message>
        <source>The registry list %1 is damaged (%2); it was left as it is.</source>
        <translation>镜像仓库列表 %1 已损坏（%2）；已保持原样。</translation>
    </message>
    <message>
        <source>Cannot write the registry list %1: %2.</source>
        <translation>无法写入镜像仓库列表 %1：%2。</translation>
    </message>
    <message>
        <source>A registry needs a name.</source>
        <translation>镜像仓库需要一个名称。</translation>
    </message>
    <message>
        <source>A registry name cannot contain &apos;/&apos;.</source>
        <translation>镜像仓库名称不能包含 &apos;/&apos;。</translation>
    </message>
    <message>
        <source>There is already a registry named &quot;%1&quot;.</source>
        <translation>已有名为“%1”的镜像仓库。</translation>
    </message>
    <message>
        <source>%1 is already in the list as &quot;%2&quot;.</source>
        <translation>%1 已以“%2”的名称在列表中。</translation>
    </message>
    <message>
        <source>Docker Hub stays in the list.</source>
        <translation>Docker Hub 始终保留在列表中。</translation>
    </message>
    <message>
        <source>There is no registry named &quot;%1&quot;.</source>
        <translation>没有名为“%1”的镜像仓库。</translation>
    </message>
    <message>
        <source>A user name is needed.</source>
        <translation>需要用户名。</translation>
    </message>
</context>
<context>
    <name>Wharf::Models::ResourceListModel</name>
    <message>
        <source>Unused</source>
        <translation>未使用</translation>
    </message>
    <message>
        <source>In use by</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>驱动</translation>
    </message>
    <message>
        <source>Mount point</source>
        <translation>挂载点</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Subnet</source>
        <translation>子网</translation>
    </message>
    <message>
        <source>Created</source>
        <comment>column: creation time</comment>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Image ID</source>
        <translation>镜像 ID</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
</context>
<context>
    <name>Wharf::Models::Services::EdgeConfig</name>
    <message>
        <source>Port %1 is published on every address and on %2 too.</source>
        <translation>端口 %1 既在所有地址上发布，又在 %2 上发布。</translation>
    </message>
    <message>
        <source>Port %1 is a TCP port of its own; services %2 cannot share it.</source>
        <translation>端口 %1 是独占的 TCP 端口；服务 %2 不能共用。</translation>
    </message>
    <message>
        <source>Two services route the same host and path on port %1 (%2).</source>
        <translation>两个服务在端口 %1 上路由了相同的主机和路径（%2）。</translation>
    </message>
</context>
<context>
    <name>Wharf::Models::Services::EdgeRouter</name>
    <message>
        <source>The router&apos;s configuration is larger than 16 MiB.</source>
        <translation>路由器的配置超过 16 MiB。</translation>
    </message>
    <message>
        <source>The router holds no %1.</source>
        <translation>路由器中没有 %1。</translation>
    </message>
    <message>
        <source>The host went away.</source>
        <translation>主机已断开。</translation>
    </message>
    <message>
        <source>The edge router (image %1) could not be created: %2</source>
        <translation>无法创建边缘路由器（镜像 %1）：%2</translation>
    </message>
    <message>
        <source>The edge router refused the configuration; it goes on with the one before. %1</source>
        <translation>边缘路由器拒绝了该配置，仍使用之前的配置。%1</translation>
    </message>
    <message>
        <source>The edge router did not confirm its configuration within 20 seconds.</source>
        <translation>边缘路由器未在 20 秒内确认其配置。</translation>
    </message>
</context>
<context>
    <name>Wharf::Models::Services::ServiceActions</name>
    <message>
        <source>Host %1 has no service named %2.</source>
        <translation>主机 %1 上没有名为 %2 的服务。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an image reference.</source>
        <translation>“%1”不是镜像引用。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>未做任何更改。</translation>
    </message>
</context>
<context>
    <name>Wharf::Models::Services::ServiceListModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>副本数</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>Wharf::Models::Services::ServiceReconciler</name>
    <message>
        <source>The services of %1 were not read: %2</source>
        <translation>未能读取 %1 的服务：%2</translation>
    </message>
    <message>
        <source>The replicas on %1 were not listed: %2</source>
        <translation>未能列出 %1 上的副本：%2</translation>
    </message>
    <message>
        <source>Replica %1 is unhealthy; it left the router&apos;s pool.</source>
        <translation>副本 %1 不健康，已移出路由器的服务池。</translation>
    </message>
    <message>
        <source>The router of %1 keeps its configuration: %2</source>
        <translation>%1 的路由器保持原有配置：%2</translation>
    </message>
    <message>
        <source>The edge router of %1: %2</source>
        <translation>%1 的边缘路由器：%2</translation>
    </message>
    <message>
        <source>The edge router of %1 serves the new pool.</source>
        <translation>%1 的边缘路由器已使用新的服务池。</translation>
    </message>
    <message>
        <source>its service was removed</source>
        <translation>其服务已删除</translation>
    </message>
    <message>
        <source>The update failed (replica %1: %2); rolling back.</source>
        <translation>更新失败（副本 %1：%2），正在回滚。</translation>
    </message>
    <message>
        <source>unhealthy</source>
        <translation>不健康</translation>
    </message>
    <message>
        <source>Rolling back %1 failed: %2</source>
        <translation>回滚 %1 失败：%2</translation>
    </message>
    <message>
        <source>The update paused: replica %1 failed.</source>
        <translation>更新已暂停：副本 %1 失败。</translation>
    </message>
    <message>
        <source>The update of %1 paused: replica %2 failed.</source>
        <translation>%1 的更新已暂停：副本 %2 失败。</translation>
    </message>
    <message>
        <source>Replicas keep failing (%1 so far); the last: %2 %3.</source>
        <translation>副本不断失败（已 %1 次）；最近一次：%2 %3。</translation>
    </message>
    <message>
        <source>unhealthy past its grace period</source>
        <translation>不健康超过宽限期</translation>
    </message>
    <message>
        <source>it is %1</source>
        <translation>状态为 %1</translation>
    </message>
    <message>
        <source>scaled to %1</source>
        <translation>已伸缩到 %1</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>已替换</translation>
    </message>
    <message>
        <source>Updating replicas %1 of %2.</source>
        <translation>正在更新 %2 的副本 %1。</translation>
    </message>
    <message>
        <source>The network %1 could not be made: %2</source>
        <translation>无法创建网络 %1：%2</translation>
    </message>
    <message>
        <source>%1/%2 replicas ready</source>
        <translation>%1/%2 个副本就绪</translation>
    </message>
    <message>
        <source>%1/%2 replicas ready; %3</source>
        <translation>%1/%2 个副本就绪；%3</translation>
    </message>
    <message>
        <source>Starting replica %1.</source>
        <translation>正在启动副本 %1。</translation>
    </message>
    <message>
        <source>Replica %1 was not created: %2</source>
        <translation>副本 %1 未能创建：%2</translation>
    </message>
    <message>
        <source>Replica %1 did not start: %2</source>
        <translation>副本 %1 未能启动：%2</translation>
    </message>
    <message>
        <source>Replica %1 left the router&apos;s pool (%2); draining.</source>
        <translation>副本 %1 已移出路由器的服务池（%2），正在排空。</translation>
    </message>
    <message>
        <source>Replica %1 was not removed: %2</source>
        <translation>副本 %1 未能删除：%2</translation>
    </message>
    <message>
        <source>Replica %1 removed (%2).</source>
        <translation>副本 %1 已删除（%2）。</translation>
    </message>
    <message>
        <source>The router of %1 keeps its configuration: a service&apos;s record cannot be read.</source>
        <translation>%1 的路由器保持原有配置：有服务的记录无法读取。</translation>
    </message>
</context>
<context>
    <name>Wharf::Models::Services::ServiceSpec</name>
    <message>
        <source>The service&apos;s %1 is not an object.</source>
        <translation>服务的 %1 不是对象。</translation>
    </message>
    <message>
        <source>The service&apos;s %1 is not a list.</source>
        <translation>服务的 %1 不是列表。</translation>
    </message>
    <message>
        <source>The service has more than %1 %2.</source>
        <translation>服务的%2超过 %1 个。</translation>
    </message>
    <message>
        <source>The service&apos;s %1 holds something that is not text.</source>
        <translation>服务的 %1 中含有非文本内容。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid service name: use lower-case letters, digits and -, at most 63 characters, starting and ending with a letter or digit (it becomes part of domain names).</source>
        <translation>“%1”不是有效的服务名：只能用小写字母、数字和 -，最多 63 个字符，以字母或数字开头和结尾（它会成为域名的一部分）。</translation>
    </message>
    <message>
        <source>Service %1 has no image.</source>
        <translation>服务 %1 没有镜像。</translation>
    </message>
    <message>
        <source>Service %1: replicas must be between 0 and %2.</source>
        <translation>服务 %1：副本数必须在 0 到 %2 之间。</translation>
    </message>
    <message>
        <source>Service %1 publishes more than %2 endpoints.</source>
        <translation>服务 %1 发布的端点超过 %2 个。</translation>
    </message>
    <message>
        <source>Service %1: %2 is not a valid published endpoint (ports go from 1 to 65535).</source>
        <translation>服务 %1：%2 不是有效的发布端点（端口范围是 1 到 65535）。</translation>
    </message>
    <message>
        <source>Service %1: an endpoint routes more than %2 host names.</source>
        <translation>服务 %1：一个端点路由的主机名超过 %2 个。</translation>
    </message>
    <message>
        <source>Service %1: host names and paths route HTTP only; publish %2 with /http.</source>
        <translation>服务 %1：主机名和路径只用于 HTTP 路由；请用 /http 发布 %2。</translation>
    </message>
    <message>
        <source>Service %1: the path %2 must start with / and hold no spaces.</source>
        <translation>服务 %1：路径 %2 必须以 / 开头且不能含空格。</translation>
    </message>
    <message>
        <source>Service %1: &quot;%2&quot; is not a host name.</source>
        <translation>服务 %1：“%2”不是主机名。</translation>
    </message>
    <message>
        <source>Service %1 publishes %2 twice.</source>
        <translation>服务 %1 重复发布了 %2。</translation>
    </message>
    <message>
        <source>Service %1: an HTTP or TCP health check needs a port (--health-port) when nothing is published.</source>
        <translation>服务 %1：未发布任何端口时，HTTP 或 TCP 健康检查需要指定端口（--health-port）。</translation>
    </message>
    <message>
        <source>Service %1: the health check command is empty.</source>
        <translation>服务 %1：健康检查命令为空。</translation>
    </message>
    <message>
        <source>Service %1: the health check path %2 must start with / and hold no spaces or shell characters.</source>
        <translation>服务 %1：健康检查路径 %2 必须以 / 开头，且不能含空格或 shell 字符。</translation>
    </message>
    <message>
        <source>Service %1: the health check&apos;s interval and timeout must be at least 100 ms, its retries between 1 and 100.</source>
        <translation>服务 %1：健康检查的间隔和超时至少为 100 毫秒，重试次数在 1 到 100 之间。</translation>
    </message>
    <message>
        <source>Service %1: the update parallelism must be at least 1, and the delay and monitor period not negative.</source>
        <translation>服务 %1：更新并行数至少为 1，延迟和观察期不能为负数。</translation>
    </message>
    <message>
        <source>Service %1: the balance is roundrobin or leastconn, not %2.</source>
        <translation>服务 %1：负载均衡方式只能是 roundrobin 或 leastconn，不能是 %2。</translation>
    </message>
    <message>
        <source>Service %1: the connection limit and the drain time cannot be negative (drain at most an hour).</source>
        <translation>服务 %1：连接上限和排空时间不能为负数（排空最多一小时）。</translation>
    </message>
    <message>
        <source>Service %1: the category is app, data, tool or storage, not %2.</source>
        <translation>服务 %1：类别只能是 app、data、tool 或 storage，不能是 %2。</translation>
    </message>
    <message>
        <source>Service %1 links more than %2 services.</source>
        <translation>服务 %1 链接的服务超过 %2 个。</translation>
    </message>
    <message>
        <source>Service %1 has more than %2 labels.</source>
        <translation>服务 %1 的标签超过 %2 个。</translation>
    </message>
    <message>
        <source>Service %1: the label %2 is reserved for Wharf.</source>
        <translation>服务 %1：标签 %2 是 Wharf 保留的。</translation>
    </message>
    <message>
        <source>Service %1: replicas join the services&apos; network %2; another network mode (%3) cannot be set.</source>
        <translation>服务 %1：副本加入服务网络 %2，不能设置其他网络模式（%3）。</translation>
    </message>
    <message>
        <source>The service&apos;s record is larger than %1 KiB.</source>
        <translation>服务记录超过 %1 KiB。</translation>
    </message>
    <message>
        <source>The service&apos;s record is not a JSON object: %1</source>
        <translation>服务记录不是 JSON 对象：%1</translation>
    </message>
    <message>
        <source>The service&apos;s endpoints are not a list.</source>
        <translation>服务的端点不是列表。</translation>
    </message>
    <message>
        <source>The service has more than %1 endpoints.</source>
        <translation>服务的端点超过 %1 个。</translation>
    </message>
    <message>
        <source>An endpoint&apos;s mode is tcp or http, not %1.</source>
        <translation>端点的模式只能是 tcp 或 http，不能是 %1。</translation>
    </message>
    <message>
        <source>host names</source>
        <translation>主机名</translation>
    </message>
    <message>
        <source>A health check is image, none, http, tcp or cmd, not %1.</source>
        <translation>健康检查只能是 image、none、http、tcp 或 cmd，不能是 %1。</translation>
    </message>
    <message>
        <source>links</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>The service has more than %1 labels.</source>
        <translation>服务的标签超过 %1 个。</translation>
    </message>
    <message>
        <source>The published endpoint&apos;s mode is tcp or http, not %1.</source>
        <translation>发布端点的模式只能是 tcp 或 http，不能是 %1。</translation>
    </message>
    <message>
        <source>Unknown key %1 in the published endpoint %2.</source>
        <translation>发布端点 %2 中有未知的键 %1。</translation>
    </message>
    <message>
        <source>%1 is not a port number in %2.</source>
        <translation>%2 中的 %1 不是端口号。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a published endpoint: write [IP:]PORT:TARGET[/tcp|/http].</source>
        <translation>“%1”不是发布端点：请写成 [IP:]端口:目标端口[/tcp|/http]。</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: ports go from 1 to 65535.</source>
        <translation>“%1”：端口范围是 1 到 65535。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a duration.</source>
        <translation>“%1”不是时长。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a duration: write 2s, 500ms or 1m30s.</source>
        <translation>“%1”不是时长：请写成 2s、500ms 或 1m30s。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is longer than 20 days.</source>
        <translation>“%1”超过 20 天。</translation>
    </message>
</context>
<context>
    <name>Wharf::Models::StatsFeed</name>
    <message>
        <source>The stats stream ended.</source>
        <translation>统计数据流已结束。</translation>
    </message>
</context>
<context>
    <name>Wharf::Models::TaskModel</name>
    <message>
        <source>%1  %2 …</source>
        <translation>%1  %2 …</translation>
    </message>
    <message>
        <source>%1  %2: done</source>
        <translation>%1  %2：完成</translation>
    </message>
    <message>
        <source>%1  %2: failed: %3</source>
        <translation>%1  %2：失败：%3</translation>
    </message>
</context>
<context>
    <name>Wharf::Models::TenantDaemons</name>
    <message>
        <source>The SSH public key is longer than %1 bytes; is it a public key?</source>
        <translation>SSH 公钥超过 %1 字节;这是公钥吗?</translation>
    </message>
    <message>
        <source>The SSH public key is empty.</source>
        <translation>SSH 公钥为空。</translation>
    </message>
    <message>
        <source>This is a private key. Give the tenant&apos;s public key (the .pub file); the private key stays with the tenant.</source>
        <translation>这是私钥。请提供租户的公钥(.pub 文件);私钥留在租户手中。</translation>
    </message>
    <message>
        <source>Give one SSH public key (one line), not several.</source>
        <translation>请只提供一个 SSH 公钥(一行),不要多个。</translation>
    </message>
    <message>
        <source>Not an SSH public key: it starts with its type (ssh-ed25519, ecdsa-sha2-nistp256, ssh-rsa, …), then the key. Options such as command=&quot;…&quot; are Wharf&apos;s to write.</source>
        <translation>不是 SSH 公钥:公钥以类型开头(ssh-ed25519、ecdsa-sha2-nistp256、ssh-rsa 等),后接密钥。command=&quot;…&quot; 等选项由 Wharf 写入。</translation>
    </message>
    <message>
        <source>The SSH public key&apos;s data is not base64.</source>
        <translation>SSH 公钥的数据不是 base64。</translation>
    </message>
    <message>
        <source>The SSH public key&apos;s data is too short.</source>
        <translation>SSH 公钥的数据太短。</translation>
    </message>
    <message>
        <source>The SSH public key&apos;s data is not a %1 key.</source>
        <translation>SSH 公钥的数据不是 %1 密钥。</translation>
    </message>
    <message>
        <source>The tenants&apos; folder must be an absolute path of letters, digits and / . _ -: &quot;%1&quot;.</source>
        <translation>租户目录必须是由字母、数字和 / . _ - 组成的绝对路径:“%1”。</translation>
    </message>
    <message>
        <source>The tenants&apos; folder &quot;%1&quot; is longer than 60 characters: the daemons&apos; socket paths would not fit.</source>
        <translation>租户目录“%1”超过 60 个字符:守护进程的套接字路径将放不下。</translation>
    </message>
    <message>
        <source>The host&apos;s helper sent a usage that is not a count: &quot;%1&quot;.</source>
        <translation>主机上的辅助脚本发送的用量不是计数：“%1”。</translation>
    </message>
    <message>
        <source>The host&apos;s helper sent an incomplete usage: &quot;%1&quot;.</source>
        <translation>主机上的辅助脚本发送的用量不完整：“%1”。</translation>
    </message>
</context>
<context>
    <name>Wharf::Models::TenantProvisioner</name>
    <message>
        <source>%1 is reached over TCP, which runs no commands on the host. Add the host with its SSH address (ssh://root@host) to give tenants daemons there.</source>
        <translation>%1 通过 TCP 访问,无法在主机上运行命令。请用 SSH 地址(ssh://root@主机)添加该主机,以便在其上为租户创建守护进程。</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Wharf&apos;s helper did not name the daemon&apos;s socket.</source>
        <translation>Wharf 助手未给出守护进程的套接字。</translation>
    </message>
    <message>
        <source>Name the host daemon&apos;s socket as an absolute path, not &quot;%1&quot;.</source>
        <translation>请以绝对路径指定主机守护进程的套接字,而不是“%1”。</translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::AddHostDialog</name>
    <message>
        <source>Add Docker host</source>
        <translation>添加 Docker 主机</translation>
    </message>
    <message>
        <source>e.g. Local, Cloud, Lab</source>
        <translation>例如：本地、云、实验室</translation>
    </message>
    <message>
        <source>Use TLS (tcp:// hosts)</source>
        <translation>使用 TLS（tcp:// 主机）</translation>
    </message>
    <message>
        <source>CA certificate (ca.pem)</source>
        <translation>CA 证书（ca.pem）</translation>
    </message>
    <message>
        <source>client certificate (cert.pem)</source>
        <translation>客户端证书（cert.pem）</translation>
    </message>
    <message>
        <source>client key (key.pem)</source>
        <translation>客户端私钥（key.pem）</translation>
    </message>
    <message>
        <source>Lab host: allow plain, unencrypted tcp://</source>
        <translation>实验主机：允许未加密的普通 tcp://</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>分组(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>CA:</source>
        <translation>CA：</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>证书：</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>私钥：</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>The key is stored in the system keychain, not in Wharf&apos;s settings.</source>
        <translation>私钥保存在系统钥匙串中，而不是 Wharf 的设置里。</translation>
    </message>
    <message>
        <source>Import folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <source>A folder with ca.pem, cert.pem and key.pem, as DOCKER_CERT_PATH uses</source>
        <translation>包含 ca.pem、cert.pem 和 key.pem 的文件夹，与 DOCKER_CERT_PATH 的用法相同</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Folder with ca.pem, cert.pem and key.pem</source>
        <translation>包含 ca.pem、cert.pem 和 key.pem 的文件夹</translation>
    </message>
    <message>
        <source>%1 lacks %2.</source>
        <translation>%1 中缺少 %2。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Connected: Docker %1 (API %2) on %3, %4 CPUs, %5 memory, %6 containers.</source>
        <translation>已连接：Docker %1（API %2），%3，%4 个 CPU，内存 %5，%6 个容器。</translation>
    </message>
    <message>
        <source>Anyone on the network can take over a Docker host reached without TLS. Only for a lab.</source>
        <translation>不经 TLS 访问的 Docker 主机可被网络上的任何人接管。仅用于实验环境。</translation>
    </message>
    <message>
        <source>empty: ssh-agent, then ~/.ssh/id_ed25519 and id_ecdsa</source>
        <translation>留空：先用 ssh-agent，再用 ~/.ssh/id_ed25519 和 id_ecdsa</translation>
    </message>
    <message>
        <source>An Ed25519 or ECDSA private key. A passphrase is asked when connecting and can be kept in the system keychain.</source>
        <translation>Ed25519 或 ECDSA 私钥。连接时会询问口令，并可保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Use the system ssh client (RSA keys, ProxyJump, ~/.ssh/config)</source>
        <translation>使用系统 ssh 客户端（RSA 密钥、ProxyJump、~/.ssh/config）</translation>
    </message>
    <message>
        <source>Runs OpenSSH&apos;s ssh with Wharf&apos;s known_hosts and strict host key checking. Keys with a passphrase must be in ssh-agent.</source>
        <translation>使用 Wharf 的 known_hosts 并严格检查主机密钥来运行 OpenSSH 的 ssh。带口令的私钥必须放在 ssh-agent 中。</translation>
    </message>
    <message>
        <source>SSH key:</source>
        <translation>SSH 私钥：</translation>
    </message>
    <message>
        <source>SSH private key</source>
        <translation>SSH 私钥</translation>
    </message>
    <message>
        <source>unix:///var/run/docker.sock, tcp://host:2376 or ssh://user@host</source>
        <translation>unix:///var/run/docker.sock、tcp://host:2376 或 ssh://user@host</translation>
    </message>
    <message>
        <source>The SSH key %1 does not exist.</source>
        <translation>SSH 私钥 %1 不存在。</translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::AllAppsPage</name>
    <message>
        <source>Select an app first.</source>
        <translation>请先选择一个应用。</translation>
    </message>
    <message>
        <source>Open on its host</source>
        <translation>在其主机上打开</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <source>Filter apps of all hosts</source>
        <translation>筛选所有主机的应用</translation>
    </message>
    <message>
        <source>Remove the app %1 on %2: stop and remove its containers and networks?</source>
        <translation>移除 %2 上的应用 %1：停止并删除其容器和网络？</translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::AppsPage</name>
    <message>
        <source>Deploy %1</source>
        <translation>部署 %1</translation>
    </message>
    <message>
        <source>Atomic: if any step fails, put everything back as it was</source>
        <translation>原子部署：任何一步失败时，全部恢复原状</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>Deploy a compose file</source>
        <translation>部署 compose 文件</translation>
    </message>
    <message>
        <source>Compose files (*.yaml *.yml);;All files (*)</source>
        <translation>Compose 文件 (*.yaml *.yml);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Remove app</source>
        <translation>移除应用</translation>
    </message>
    <message>
        <source>Also remove the app&apos;s volumes (their data is lost)</source>
        <translation>同时移除应用的数据卷（其中的数据将丢失）</translation>
    </message>
    <message>
        <source>Deploy…</source>
        <translation>部署…</translation>
    </message>
    <message>
        <source>New app…</source>
        <translation>新建应用…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Select an app deployed from a file on this computer.</source>
        <translation>请选择一个从本机文件部署的应用。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <source>Filter apps</source>
        <translation>筛选应用</translation>
    </message>
    <message>
        <source>%1 — orchestration editor — %2</source>
        <translation>%1 — 编排编辑器 — %2</translation>
    </message>
    <message>
        <source>new app</source>
        <translation>新应用</translation>
    </message>
    <message>
        <source>%1 cannot be deployed:
%2</source>
        <translation>%1 无法部署：
%2</translation>
    </message>
    <message>
        <source>Select an app first.</source>
        <translation>请先选择一个应用。</translation>
    </message>
    <message>
        <source>Remove the app %1: stop and remove its containers and networks?</source>
        <translation>移除应用 %1：停止并移除它的容器和网络？</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Select an app to see the logs of all its services.</source>
        <translation>选择一个应用以查看其所有服务的日志。</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>(the logs stopped: %1)</source>
        <translation>（日志已中断：%1）</translation>
    </message>
    <message>
        <source>What the deploy will change (* pull or build, + create, ~ recreate, - remove, = unchanged):</source>
        <translation>部署将做的改变（* 拉取或构建，+ 创建，~ 重建，- 删除，= 不变）：</translation>
    </message>
    <message>
        <source>Plan with images rebuilt</source>
        <translation>按重新构建镜像制定计划</translation>
    </message>
    <message>
        <source>Not read: %1</source>
        <translation>未能读取：%1</translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::AuditPage</name>
    <message>
        <source>Export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>操作者</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作者</translation>
    </message>
    <message>
        <source>What (for example container.)</source>
        <translation>操作（例如 container.）</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近一小时</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>最近一天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n record(s) to %1.</source>
        <translation>
            <numerusform>已导出 %n 条记录到 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::BuildDialog</name>
    <message>
        <source>Do not use the build cache</source>
        <translation>不使用构建缓存</translation>
    </message>
    <message>
        <source>Always pull the base images</source>
        <translation>总是拉取基础镜像</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>构建</translation>
    </message>
    <message>
        <source>Cancel build</source>
        <translation>取消构建</translation>
    </message>
    <message>
        <source>Run…</source>
        <translation>运行…</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>推送</translation>
    </message>
    <message>
        <source>Build an image</source>
        <translation>构建镜像</translation>
    </message>
    <message>
        <source>a folder with a Dockerfile, or a git URL</source>
        <translation>含有 Dockerfile 的文件夹，或 git URL</translation>
    </message>
    <message>
        <source>Dockerfile (in the folder), or another path</source>
        <translation>Dockerfile（位于该文件夹），或其他路径</translation>
    </message>
    <message>
        <source>name:tag, several separated by spaces</source>
        <translation>名称:标签，多个以空格分隔</translation>
    </message>
    <message>
        <source>KEY=VALUE, one a line</source>
        <translation>KEY=VALUE，每行一个</translation>
    </message>
    <message>
        <source>the last stage</source>
        <translation>最后一个阶段</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Build context folder</source>
        <translation>构建上下文文件夹</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>上下文：</translation>
    </message>
    <message>
        <source>Dockerfile:</source>
        <translation>Dockerfile：</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Build arguments:</source>
        <translation>构建参数：</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>标签（label）：</translation>
    </message>
    <message>
        <source>Target stage:</source>
        <translation>目标阶段：</translation>
    </message>
    <message>
        <source>Pushing %1: see the task list.</source>
        <translation>正在推送 %1：见任务列表。</translation>
    </message>
    <message>
        <source>Choose the build context: a folder with a Dockerfile, or a git URL.</source>
        <translation>请选择构建上下文：含有 Dockerfile 的文件夹，或 git URL。</translation>
    </message>
    <message>
        <source>Build argument &quot;%1&quot; needs the form KEY=VALUE.</source>
        <translation>构建参数“%1”需要 KEY=VALUE 格式。</translation>
    </message>
    <message>
        <source>Label &quot;%1&quot; needs the form KEY=VALUE.</source>
        <translation>标签“%1”需要 KEY=VALUE 格式。</translation>
    </message>
    <message>
        <source>Building…</source>
        <translation>正在构建…</translation>
    </message>
    <message>
        <source>The build failed: %1</source>
        <translation>构建失败：%1</translation>
    </message>
    <message>
        <source>Built %1.</source>
        <translation>已构建 %1。</translation>
    </message>
    <message>
        <source>Built %1 as %2.</source>
        <translation>已构建 %1，标记为 %2。</translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::ComposeEditor</name>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Open a compose file</source>
        <translation>打开 compose 文件</translation>
    </message>
    <message>
        <source>Compose files (*.yaml *.yml);;All files (*)</source>
        <translation>Compose 文件 (*.yaml *.yml);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Arrange</source>
        <translation>自动排列</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>Deploy…</source>
        <translation>部署…</translation>
    </message>
    <message>
        <source>KEY=VALUE, one per line</source>
        <translation>键=值，每行一个</translation>
    </message>
    <message>
        <source>8080:80, one per line</source>
        <translation>8080:80，每行一个</translation>
    </message>
    <message>
        <source>e.g. 0.5</source>
        <translation>例如 0.5</translation>
    </message>
    <message>
        <source>e.g. 512m</source>
        <translation>例如 512m</translation>
    </message>
    <message>
        <source>a command that succeeds when healthy</source>
        <translation>健康时执行成功的命令</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>副本数</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPU 数</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Health check</source>
        <translation>健康检查</translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation>数据卷</translation>
    </message>
    <message>
        <source>Canvas</source>
        <translation>画布</translation>
    </message>
    <message>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Drag onto the canvas to add a service</source>
        <translation>拖到画布上以添加服务</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>数据卷</translation>
    </message>
    <message>
        <source>Drag onto the canvas to add a volume; link a service to it to mount it</source>
        <translation>拖到画布上以添加数据卷；从服务连线到它即可挂载</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Drag onto the canvas to add a network; link a service to it to join it</source>
        <translation>拖到画布上以添加网络；从服务连线到它即可加入</translation>
    </message>
    <message>
        <source>Drag onto the canvas to add a service running %1</source>
        <translation>拖到画布上以添加运行 %1 的服务</translation>
    </message>
    <message>
        <source>Save the compose file</source>
        <translation>保存 compose 文件</translation>
    </message>
    <message>
        <source>Compose files (*.yaml *.yml)</source>
        <translation>Compose 文件 (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Edit the YAML</source>
        <translation>编辑 YAML</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s): fix them before deploying (double-click one to see its line).</source>
        <translation>
            <numerusform>%n 个错误：部署前请先修正（双击某个错误可跳转到对应行）。</numerusform>
        </translation>
    </message>
    <message>
        <source>volume</source>
        <translation>数据卷</translation>
    </message>
    <message>
        <source>Drag a service, a volume, a network or an image from the palette onto the canvas.
Draw a link from a service&apos;s handle (the circle on its right) to another block:
to a service for depends_on, to a volume to mount it, to a network to join it.</source>
        <translation>从左侧面板把服务、数据卷、网络或镜像拖到画布上。
从服务的连接点（右侧的小圆圈）向另一个块画一条连线：
连到服务表示 depends_on，连到数据卷表示挂载，连到网络表示加入。</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>移动 %1</translation>
    </message>
    <message>
        <source>Add volume %1</source>
        <translation>添加数据卷 %1</translation>
    </message>
    <message>
        <source>Add network %1</source>
        <translation>添加网络 %1</translation>
    </message>
    <message>
        <source>Add service %1</source>
        <translation>添加服务 %1</translation>
    </message>
    <message>
        <source>Links start at a service.</source>
        <translation>连线必须从服务开始。</translation>
    </message>
    <message>
        <source>%1 depends on %2</source>
        <translation>%1 依赖于 %2</translation>
    </message>
    <message>
        <source>%1 joins %2</source>
        <translation>%1 加入 %2</translation>
    </message>
    <message>
        <source>Mount %1</source>
        <translation>挂载 %1</translation>
    </message>
    <message>
        <source>Path in %1&apos;s containers:</source>
        <translation>%1 的容器内路径：</translation>
    </message>
    <message>
        <source>Mount %1 in %2</source>
        <translation>在 %2 中挂载 %1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n blocks</source>
        <translation>
            <numerusform>删除 %n 个块</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename %1</source>
        <translation>重命名 %1</translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation>修改 %2 的 %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n member(s), named on each of them</source>
        <translation>
            <numerusform>%1：%n 个成员，名称显示在每个成员上</numerusform>
        </translation>
    </message>
    <message>
        <source>Images on the host</source>
        <translation>主机上的镜像</translation>
    </message>
    <message>
        <source>Images in the registries</source>
        <translation>镜像仓库中的镜像</translation>
    </message>
    <message>
        <source>Drag onto the canvas to add a service running %1 (pulled when deployed)</source>
        <translation>拖到画布上以添加运行 %1 的服务（部署时拉取）</translation>
    </message>
    <message>
        <source>The clipboard holds no service, volume or network (copy some first).</source>
        <translation>剪贴板中没有服务、数据卷或网络（请先复制）。</translation>
    </message>
    <message>
        <source>data:/var/lib/data or ./src:/src:ro, one per line</source>
        <translation>data:/var/lib/data 或 ./src:/src:ro，每行一个</translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::ContainerDetailsDialog</name>
    <message>
        <source>Container %1</source>
        <translation>容器 %1</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Mounts</source>
        <translation>挂载</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Stats</source>
        <translation>监控</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>Cannot read the container: %1</source>
        <translation>无法读取容器：%1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>ID:</source>
        <translation>ID：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>镜像：</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Exit code:</source>
        <translation>退出码：</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>启动时间：</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>Entrypoint:</source>
        <translation>入口点：</translation>
    </message>
    <message>
        <source>Restart policy:</source>
        <translation>重启策略：</translation>
    </message>
    <message>
        <source>Memory limit:</source>
        <translation>内存限制：</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>CPU limit:</source>
        <translation>CPU 限制：</translation>
    </message>
    <message>
        <source>not published</source>
        <translation>未发布</translation>
    </message>
    <message>
        <source>read-write</source>
        <translation>读写</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Container port</source>
        <translation>容器端口</translation>
    </message>
    <message>
        <source>Host address</source>
        <translation>主机地址</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>源</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <source>Timestamps</source>
        <translation>时间戳</translation>
    </message>
    <message>
        <source>Search the logs</source>
        <translation>搜索日志</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save logs</source>
        <translation>保存日志</translation>
    </message>
    <message>
        <source>Cannot save the logs to %1: %2</source>
        <translation>无法将日志保存到 %1：%2</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Run a command in the container with a terminal.</source>
        <translation>在容器中通过终端运行命令。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Cannot start the command: %1</source>
        <translation>无法启动命令：%1</translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation>已连接。</translation>
    </message>
    <message>
        <source>The session ended: %1</source>
        <translation>会话已结束：%1</translation>
    </message>
    <message>
        <source>The session ended.</source>
        <translation>会话已结束。</translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::ContainersPage</name>
    <message>
        <source>Remove containers</source>
        <translation>删除容器</translation>
    </message>
    <message>
        <source>Create…</source>
        <translation>创建…</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>强制终止</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Filter by name, image, state, ports…</source>
        <translation>按名称、镜像、状态、端口筛选…</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n container(s): %1?</source>
        <translation>
            <numerusform>删除 %n 个容器：%1？</numerusform>
        </translation>
    </message>
    <message>
        <source>Running containers are stopped first: %1.</source>
        <translation>运行中的容器会先被停止：%1。</translation>
    </message>
    <message>
        <source>Limits…</source>
        <translation>限制…</translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::CreateContainerDialog</name>
    <message>
        <source>Create container</source>
        <translation>创建容器</translation>
    </message>
    <message>
        <source>optional; the daemon picks one</source>
        <translation>可选；由守护进程自动命名</translation>
    </message>
    <message>
        <source>the image&apos;s default, e.g. httpd -f -p 80</source>
        <translation>使用镜像默认值，例如 httpd -f -p 80</translation>
    </message>
    <message>
        <source>the image&apos;s default</source>
        <translation>使用镜像默认值</translation>
    </message>
    <message>
        <source>NAME=value, one per line</source>
        <translation>名称=值，每行一个</translation>
    </message>
    <message>
        <source>[IP:]HOST:CONTAINER[/udp], one per line, e.g. 127.0.0.1:8080:80</source>
        <translation>[IP:]主机端口:容器端口[/udp]，每行一个，例如 127.0.0.1:8080:80</translation>
    </message>
    <message>
        <source>VOLUME_OR_HOST_PATH:/path/in/container[:ro], one per line</source>
        <translation>数据卷或主机路径:/容器内路径[:ro]，每行一个</translation>
    </message>
    <message>
        <source>no limit, e.g. 256m</source>
        <translation>不限制，例如 256m</translation>
    </message>
    <message>
        <source>no limit, e.g. 0.5</source>
        <translation>不限制，例如 0.5</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Start the container after creating it</source>
        <translation>创建后立即启动容器</translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <translation>镜像(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation>命令(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Entrypoint:</source>
        <translation>入口点(&amp;E)：</translation>
    </message>
    <message>
        <source>En&amp;vironment:</source>
        <translation>环境变量(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Ports:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Volumes:</source>
        <translation>数据卷(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Memory limit:</source>
        <translation>内存限制(&amp;M)：</translation>
    </message>
    <message>
        <source>C&amp;PU limit:</source>
        <translation>CPU 限制(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Restart policy:</source>
        <translation>重启策略(&amp;R)：</translation>
    </message>
    <message>
        <source>Ne&amp;twork:</source>
        <translation>网络(&amp;T)：</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Command: a quote is not closed.</source>
        <translation>命令：引号未闭合。</translation>
    </message>
    <message>
        <source>Entrypoint: a quote is not closed.</source>
        <translation>入口点：引号未闭合。</translation>
    </message>
    <message>
        <source>Ports: %1</source>
        <translation>端口：%1</translation>
    </message>
    <message>
        <source>Volumes: %1</source>
        <translation>数据卷：%1</translation>
    </message>
    <message>
        <source>Memory limit: %1</source>
        <translation>内存限制：%1</translation>
    </message>
    <message>
        <source>CPU limit: %1</source>
        <translation>CPU 限制：%1</translation>
    </message>
    <message>
        <source>Restart policy: %1</source>
        <translation>重启策略：%1</translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::DaemonDialog</name>
    <message>
        <source>Give a tenant a daemon of its own</source>
        <translation>为租户提供专属守护进程</translation>
    </message>
    <message>
        <source>Its own rootless daemon on a shared host</source>
        <translation>共享主机上属于它自己的 rootless 守护进程</translation>
    </message>
    <message>
        <source>The whole host, dedicated to it (专属主机)</source>
        <translation>整台主机专供它使用（专属主机）</translation>
    </message>
    <message>
        <source>ssh-ed25519 AAAA… the tenant&apos;s public key (its .pub file)</source>
        <translation>ssh-ed25519 AAAA… 租户的公钥（其 .pub 文件）</translation>
    </message>
    <message>
        <source>From file…</source>
        <translation>从文件读取…</translation>
    </message>
    <message>
        <source>The tenant&apos;s public key</source>
        <translation>租户的公钥</translation>
    </message>
    <message>
        <source>Public keys (*.pub);;All files (*)</source>
        <translation>公钥 (*.pub);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Tenant:</source>
        <translation>租户：</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>主机：</translation>
    </message>
    <message>
        <source>Public key:</source>
        <translation>公钥：</translation>
    </message>
    <message>
        <source>Tenants&apos; homes on the host:</source>
        <translation>主机上的租户主目录：</translation>
    </message>
    <message>
        <source>Host daemon&apos;s socket:</source>
        <translation>主机守护进程的套接字：</translation>
    </message>
    <message>
        <source>Wharf logs in to the host with this console&apos;s access to it and makes a Unix user for the tenant whose key reaches only its daemon. A rootless daemon&apos;s cgroup is held to the tenant&apos;s plan by the kernel.</source>
        <translation>Wharf 以本控制台对该主机的访问权限登录，为租户创建一个 Unix 用户，其密钥只能访问它自己的守护进程。rootless 守护进程的 cgroup 由内核限制在租户套餐的范围内。</translation>
    </message>
    <message>
        <source>Give</source>
        <translation>提供</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Create a tenant first.</source>
        <translation>请先创建租户。</translation>
    </message>
    <message>
        <source>Add the host first, with its SSH address (ssh://root@host).</source>
        <translation>请先用 SSH 地址（ssh://root@主机）添加该主机。</translation>
    </message>
    <message>
        <source>Name the host daemon&apos;s socket as an absolute path, not &quot;%1&quot;.</source>
        <translation>请用绝对路径指定主机守护进程的套接字，而不是“%1”。</translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::EventsPage</name>
    <message>
        <source>All types</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <source>Filter events</source>
        <translation>筛选事件</translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::GroupOverviewPage</name>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>CPUs and running containers per host</source>
        <translation>各主机的 CPU 与运行中的容器</translation>
    </message>
    <message>
        <source>Memory per host (GiB)</source>
        <translation>各主机的内存（GiB）</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>%1 hosts (%2 up) · %3 CPUs · %4 memory · %5 containers (%6 running)</source>
        <translation>%1 台主机（%2 台在线）· %3 个 CPU · 内存 %4 · %5 个容器（%6 个运行中）</translation>
    </message>
    <message>
        <source>Running containers</source>
        <translation>运行中的容器</translation>
    </message>
    <message>
        <source>Docker %1</source>
        <translation>Docker %1</translation>
    </message>
    <message>
        <source>%1 (%2 running)</source>
        <translation>%1（%2 个运行中）</translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::HostOverviewPage</name>
    <message>
        <source>Engine:</source>
        <translation>引擎：</translation>
    </message>
    <message>
        <source>System:</source>
        <translation>系统：</translation>
    </message>
    <message>
        <source>CPUs:</source>
        <translation>CPU：</translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation>内存：</translation>
    </message>
    <message>
        <source>Containers:</source>
        <translation>容器：</translation>
    </message>
    <message>
        <source>Disk use:</source>
        <translation>磁盘占用：</translation>
    </message>
    <message>
        <source>CPU of all containers (%)</source>
        <translation>全部容器的 CPU（%）</translation>
    </message>
    <message>
        <source>Memory of all containers (MiB)</source>
        <translation>全部容器的内存（MiB）</translation>
    </message>
    <message>
        <source>Docker %1, API %2, storage driver %3</source>
        <translation>Docker %1，API %2，存储驱动 %3</translation>
    </message>
    <message>
        <source>%1, kernel %2, %3</source>
        <translation>%1，内核 %2，%3</translation>
    </message>
    <message>
        <source>%1 (%2 running, %3 paused, %4 stopped)</source>
        <translation>%1 个（%2 个运行中，%3 个已暂停，%4 个已停止）</translation>
    </message>
    <message>
        <source>images %1 (%2), containers %3, volumes %4 (%5), build cache %6</source>
        <translation>镜像 %1（%2 个），容器 %3，数据卷 %4（%5 个），构建缓存 %6</translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::ImageDetailsDialog</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Created</source>
        <comment>column: creation time</comment>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>创建命令</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签（label）</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Image %1</source>
        <translation>镜像 %1</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签（label）</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Digests</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Created</source>
        <comment>image detail</comment>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Entrypoint</source>
        <translation>入口点</translation>
    </message>
    <message>
        <source>Working folder</source>
        <translation>工作目录</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Exposed ports</source>
        <translation>暴露的端口</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境变量</translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::ImagesPage</name>
    <message>
        <source>Dangling only</source>
        <translation>仅悬空镜像</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Tar archives (*.tar);;All files (*)</source>
        <translation>Tar 归档 (*.tar);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Pull…</source>
        <translation>拉取…</translation>
    </message>
    <message>
        <source>Build…</source>
        <translation>构建…</translation>
    </message>
    <message>
        <source>Run…</source>
        <translation>运行…</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>推送</translation>
    </message>
    <message>
        <source>Tag…</source>
        <translation>标记…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Prune…</source>
        <translation>清理…</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Load…</source>
        <translation>载入…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Filter images</source>
        <translation>筛选镜像</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Pull image</source>
        <translation>拉取镜像</translation>
    </message>
    <message>
        <source>Image (name[:tag] or registry/name[:tag]):</source>
        <translation>镜像（名称[:标签] 或 仓库地址/名称[:标签]）：</translation>
    </message>
    <message>
        <source>Select an image to push.</source>
        <translation>请选择要推送的镜像。</translation>
    </message>
    <message>
        <source>An image without a tag cannot be pushed: tag it first.</source>
        <translation>没有标签的镜像不能推送：请先为它打标签。</translation>
    </message>
    <message>
        <source>Select one image to tag.</source>
        <translation>请选择一个要标记的镜像。</translation>
    </message>
    <message>
        <source>Tag image</source>
        <translation>标记镜像</translation>
    </message>
    <message>
        <source>New name for %1 (registry/name:tag):</source>
        <translation>%1 的新名称（仓库地址/名称:标签）：</translation>
    </message>
    <message>
        <source>Select the images to remove.</source>
        <translation>请选择要删除的镜像。</translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation>删除 %1？</translation>
    </message>
    <message>
        <source>In use by: %1.</source>
        <translation>正在被使用：%1。</translation>
    </message>
    <message>
        <source>Remove anyway (force)? The containers keep running on the image&apos;s layers.</source>
        <translation>仍要删除（强制）吗？容器会继续使用镜像的层运行。</translation>
    </message>
    <message>
        <source>Remove every dangling image (untagged and unused)?</source>
        <translation>删除所有悬空镜像（无标签且未使用）？</translation>
    </message>
    <message>
        <source>Select the images to save.</source>
        <translation>请选择要保存的镜像。</translation>
    </message>
    <message>
        <source>Save images to a tar file</source>
        <translation>将镜像保存为 tar 文件</translation>
    </message>
    <message>
        <source>Load images from a tar file</source>
        <translation>从 tar 文件载入镜像</translation>
    </message>
    <message>
        <source>Import a root file system (tar)</source>
        <translation>导入根文件系统（tar）</translation>
    </message>
    <message>
        <source>Import image</source>
        <translation>导入镜像</translation>
    </message>
    <message>
        <source>Name the new image (name:tag, may be empty):</source>
        <translation>新镜像的名称（名称:标签，可留空）：</translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::LimitsDialog</name>
    <message>
        <source>Change limits</source>
        <translation>更改资源限制</translation>
    </message>
    <message>
        <source>unchanged (e.g. 0.5)</source>
        <translation>不变（例如 0.5）</translation>
    </message>
    <message>
        <source>unchanged (e.g. 256m, 1g)</source>
        <translation>不变（例如 256m、1g）</translation>
    </message>
    <message>
        <source>New limits for %1:</source>
        <translation>%1 的新限制：</translation>
    </message>
    <message numerus="yes">
        <source>New limits for %n containers:</source>
        <translation>
            <numerusform>%n 个容器的新限制：</numerusform>
        </translation>
    </message>
    <message>
        <source>CPUs:</source>
        <translation>CPU：</translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation>内存：</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>更改</translation>
    </message>
    <message>
        <source>Give new CPUs, new memory, or both.</source>
        <translation>请填写新的 CPU、新的内存，或两者都填。</translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::MainWindow</name>
    <message>
        <source>Wharf</source>
        <translation>Wharf</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No Docker host yet&lt;/h2&gt;&lt;p&gt;Add a host to manage its containers, volumes and networks: the local socket, a TLS endpoint or SSH.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;还没有 Docker 主机&lt;/h2&gt;&lt;p&gt;添加一个主机来管理它的容器、数据卷和网络：本地套接字、TLS 端点或 SSH。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Add host…</source>
        <translation>添加主机…</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Add host…</source>
        <translation>添加主机(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Wharf</source>
        <translation>关于 Wharf(&amp;A)</translation>
    </message>
    <message>
        <source>About Wharf</source>
        <translation>关于 Wharf</translation>
    </message>
    <message>
        <source>&lt;b&gt;Wharf&lt;/b&gt; %1&lt;br&gt;A native console for Docker hosts and container clouds.</source>
        <translation>&lt;b&gt;Wharf&lt;/b&gt; %1&lt;br&gt;面向 Docker 主机与容器云的原生控制台。</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation>数据卷</translation>
    </message>
    <message>
        <source>Networks</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Rename group…</source>
        <translation>重命名分组…</translation>
    </message>
    <message>
        <source>Move to group…</source>
        <translation>移动到分组…</translation>
    </message>
    <message>
        <source>Remove host…</source>
        <translation>删除主机…</translation>
    </message>
    <message>
        <source>Rename group</source>
        <translation>重命名分组</translation>
    </message>
    <message>
        <source>New name of the group:</source>
        <translation>分组的新名称：</translation>
    </message>
    <message>
        <source>Move to group</source>
        <translation>移动到分组</translation>
    </message>
    <message>
        <source>Group of %1 (choose or type a new one):</source>
        <translation>%1 所在的分组（选择或输入一个新分组）：</translation>
    </message>
    <message>
        <source>Remove host</source>
        <translation>删除主机</translation>
    </message>
    <message>
        <source>Remove %1 from Wharf? Its containers keep running; only the connection and its saved secrets are removed.</source>
        <translation>要从 Wharf 中删除 %1 吗？其中的容器会继续运行；只删除连接及其保存的机密。</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>unencrypted</source>
        <translation>未加密</translation>
    </message>
    <message>
        <source>%1 [unencrypted]</source>
        <translation>%1 [未加密]</translation>
    </message>
    <message>
        <source>Forget host key…</source>
        <translation>忘记主机密钥…</translation>
    </message>
    <message>
        <source>Forget host key</source>
        <translation>忘记主机密钥</translation>
    </message>
    <message>
        <source>Remove the saved SSH host key of %1 (%2)? Do this only when you know the host was reinstalled or its key was replaced: the next connection shows the new key&apos;s fingerprint and asks whether to trust it.</source>
        <translation>删除已保存的 %1（%2）的 SSH 主机密钥？只有在确知该主机已重装或更换了密钥时才这样做：下次连接会显示新密钥的指纹并询问是否信任。</translation>
    </message>
    <message>
        <source>The host key of %1 was removed.</source>
        <translation>已删除 %1 的主机密钥。</translation>
    </message>
    <message>
        <source>Wharf&apos;s known_hosts had no key for %1; keys in ~/.ssh/known_hosts are only read (ssh-keygen -R removes them).</source>
        <translation>Wharf 的 known_hosts 中没有 %1 的密钥；~/.ssh/known_hosts 中的密钥只会被读取（可用 ssh-keygen -R 删除）。</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>重新连接</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Registries</source>
        <translation>镜像仓库(&amp;R)</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>&amp;Database…</source>
        <translation>数据库(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Platform</source>
        <translation>平台(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>仪表盘(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Activity</source>
        <translation>活动记录(&amp;A)</translation>
    </message>
    <message>
        <source>Wharf — %1</source>
        <translation>Wharf — %1</translation>
    </message>
    <message>
        <source>&amp;Tenants and plans</source>
        <translation>租户与套餐(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Audit log</source>
        <translation>审计日志(&amp;A)</translation>
    </message>
    <message>
        <source>Not shown, outside this tenant&apos;s domain: %1. An admin puts a host in the domain with Platform → Tenants and plans → Host domains.</source>
        <translation>未显示（不在此租户的域内）：%1。管理员可在 平台 → 租户与套餐 → 主机域 中把主机加入域。</translation>
    </message>
    <message>
        <source>Apps</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>All &amp;apps</source>
        <translation>全部应用(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Import connection profile…</source>
        <translation>导入连接配置(&amp;I)…</translation>
    </message>
    <message>
        <source>Import connection profile</source>
        <translation>导入连接配置</translation>
    </message>
    <message>
        <source>Connection profiles (*.wharf-profile *.json);;All files (*)</source>
        <translation>连接配置文件 (*.wharf-profile *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <source>Your SSH private key for %1 (cancel: the agent&apos;s keys)</source>
        <translation>您用于 %1 的 SSH 私钥（取消：使用 SSH 代理中的密钥）</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n host(s) of tenant %1: %2</source>
        <translation>
            <numerusform>已保存租户 %1 的 %n 台主机：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务</translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::NodeItem</name>
    <message>
        <source>service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>volume</source>
        <translation>数据卷</translation>
    </message>
    <message>
        <source>network</source>
        <translation>网络</translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::PlanDialog</name>
    <message>
        <source>New plan</source>
        <translation>新建套餐</translation>
    </message>
    <message>
        <source>Edit plan %1</source>
        <translation>编辑套餐 %1</translation>
    </message>
    <message>
        <source>for example 2 or 0.5</source>
        <translation>例如 2 或 0.5</translation>
    </message>
    <message>
        <source>for example 512m or 4g</source>
        <translation>例如 512m 或 4g</translation>
    </message>
    <message>
        <source>empty: not limited</source>
        <translation>留空：不限</translation>
    </message>
    <message>
        <source>Free tier (usage is metered, never charged)</source>
        <translation>免费套餐（计量用量，但不收费）</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Containers:</source>
        <translation>容器：</translation>
    </message>
    <message>
        <source>CPUs:</source>
        <translation>CPU：</translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation>内存：</translation>
    </message>
    <message>
        <source>Disk:</source>
        <translation>磁盘：</translation>
    </message>
    <message>
        <source>Bandwidth:</source>
        <translation>带宽：</translation>
    </message>
    <message>
        <source>Price per hour:</source>
        <translation>每小时价格：</translation>
    </message>
    <message>
        <source>Price per month:</source>
        <translation>每月价格：</translation>
    </message>
    <message>
        <source>Per CPU-hour:</source>
        <translation>每 CPU 小时：</translation>
    </message>
    <message>
        <source>Per GiB-hour of memory:</source>
        <translation>每 GiB 内存小时：</translation>
    </message>
    <message>
        <source>Per GiB-day of disk:</source>
        <translation>每 GiB 磁盘天：</translation>
    </message>
    <message>
        <source>CPUs: %1</source>
        <translation>CPU：%1</translation>
    </message>
    <message>
        <source>give a number, for example 2</source>
        <translation>请输入数字，例如 2</translation>
    </message>
    <message>
        <source>Memory: %1</source>
        <translation>内存：%1</translation>
    </message>
    <message>
        <source>give a size, for example 4g</source>
        <translation>请输入大小，例如 4g</translation>
    </message>
    <message>
        <source>Disk: %1</source>
        <translation>磁盘：%1</translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::RegistriesPage</name>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Created</source>
        <comment>column: creation time</comment>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Layer digest</source>
        <translation>层摘要</translation>
    </message>
    <message>
        <source>Media type</source>
        <translation>媒体类型</translation>
    </message>
    <message>
        <source>Registries</source>
        <translation>镜像仓库</translation>
    </message>
    <message>
        <source>Log in to %1</source>
        <translation>登录 %1</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password or token:</source>
        <translation>密码或令牌：</translation>
    </message>
    <message>
        <source>The password is kept in the system keychain only.</source>
        <translation>密码只保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>主机：</translation>
    </message>
    <message>
        <source>Run a local registry</source>
        <translation>运行本地镜像仓库</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>镜像：</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Log in…</source>
        <translation>登录…</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Run a local registry…</source>
        <translation>运行本地镜像仓库…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Pull to host…</source>
        <translation>拉取到主机…</translation>
    </message>
    <message>
        <source>Copy pull command</source>
        <translation>复制拉取命令</translation>
    </message>
    <message>
        <source>Delete tag…</source>
        <translation>删除标签…</translation>
    </message>
    <message>
        <source>Filter repositories, or type a name to open</source>
        <translation>筛选仓库，或输入名称后回车打开</translation>
    </message>
    <message>
        <source>Loading the repositories of %1…</source>
        <translation>正在加载 %1 的仓库…</translation>
    </message>
    <message numerus="yes">
        <source>%n repositories in %1</source>
        <translation>
            <numerusform>%1 中有 %n 个仓库</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading the tags of %1…</source>
        <translation>正在加载 %1 的标签…</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>%1 has no tags.</source>
        <translation>%1 没有标签。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n tags</source>
        <translation>
            <numerusform>%1：%n 个标签</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a tag first.</source>
        <translation>请先选择一个标签。</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>已复制：%1</translation>
    </message>
    <message>
        <source>Pull %1 to</source>
        <translation>将 %1 拉取到</translation>
    </message>
    <message>
        <source>Pulling %1 to %2: see the task list.</source>
        <translation>正在将 %1 拉取到 %2：见任务列表。</translation>
    </message>
    <message>
        <source>Delete %1 from the registry?</source>
        <translation>从镜像仓库中删除 %1？</translation>
    </message>
    <message>
        <source>These tags point to the same image and go with it: %1.</source>
        <translation>这些标签指向同一个镜像，会一起被删除：%1。</translation>
    </message>
    <message>
        <source>Deleted %1 (%2).</source>
        <translation>已删除 %1（%2）。</translation>
    </message>
    <message>
        <source>Add a registry</source>
        <translation>添加镜像仓库</translation>
    </message>
    <message>
        <source>Address (host[:port] or https://host):</source>
        <translation>地址（主机[:端口] 或 https://主机）：</translation>
    </message>
    <message>
        <source>Remove %1 from the registry list? Its images stay in the registry.</source>
        <translation>从镜像仓库列表中移除 %1？其中的镜像仍保留在仓库里。</translation>
    </message>
    <message>
        <source>The registry container Wharf started keeps running; remove it on its host&apos;s containers page.</source>
        <translation>Wharf 启动的镜像仓库容器会继续运行；请在其主机的容器页面删除它。</translation>
    </message>
    <message>
        <source>Removed %1 from the list.</source>
        <translation>已从列表中移除 %1。</translation>
    </message>
    <message>
        <source>Checking the login with %1…</source>
        <translation>正在向 %1 验证登录…</translation>
    </message>
    <message>
        <source>Logged in to %1; the password is in the keychain.</source>
        <translation>已登录 %1；密码保存在钥匙串中。</translation>
    </message>
    <message>
        <source>Logged out of %1.</source>
        <translation>已退出 %1。</translation>
    </message>
    <message>
        <source>Choose a host to run the registry on.</source>
        <translation>请选择运行镜像仓库的主机。</translation>
    </message>
    <message>
        <source>Run registry %1 on %2</source>
        <translation>在 %2 上运行镜像仓库 %1</translation>
    </message>
    <message>
        <source>Registry %1 runs at %2.</source>
        <translation>镜像仓库 %1 运行于 %2。</translation>
    </message>
    <message>
        <source>Publish on:</source>
        <translation>发布地址：</translation>
    </message>
    <message>
        <source>Its data goes to a volume; deleting tags is enabled. On a remote host, publish it on an address this console reaches, and protect it (a firewall, or TLS in front): the registry has no login.</source>
        <translation>数据存放在数据卷中；允许删除标签。在远程主机上，请把它发布在本控制台能访问的地址上并加以保护（防火墙或前置 TLS）：该镜像仓库没有登录验证。</translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::ResourcePage</name>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Create…</source>
        <translation>创建…</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Filter volumes</source>
        <translation>筛选数据卷</translation>
    </message>
    <message>
        <source>Filter networks</source>
        <translation>筛选网络</translation>
    </message>
    <message>
        <source>Create volume</source>
        <translation>创建数据卷</translation>
    </message>
    <message>
        <source>Create network</source>
        <translation>创建网络</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation>删除 %1？</translation>
    </message>
    <message>
        <source>It is in use by: %1. The daemon will refuse while they exist.</source>
        <translation>它正被以下对象使用：%1。在它们存在期间守护进程会拒绝删除。</translation>
    </message>
    <message>
        <source>Inspect %1</source>
        <translation>详细信息：%1</translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::ServiceDialog</name>
    <message>
        <source>New service</source>
        <translation>新建服务</translation>
    </message>
    <message>
        <source>web</source>
        <translation>web</translation>
    </message>
    <message>
        <source>nginx:1.27</source>
        <translation>nginx:1.27</translation>
    </message>
    <message>
        <source>the image&apos;s own command</source>
        <translation>镜像自带的命令</translation>
    </message>
    <message>
        <source>8080:80/http, 127.0.0.1:5432:5432</source>
        <translation>8080:80/http, 127.0.0.1:5432:5432</translation>
    </message>
    <message>
        <source>/healthz (empty: the image&apos;s own check)</source>
        <translation>/healthz（留空：使用镜像自带的检查）</translation>
    </message>
    <message>
        <source>0.5 (empty: no limit)</source>
        <translation>0.5（留空：不限制）</translation>
    </message>
    <message>
        <source>256m (empty: no limit)</source>
        <translation>256m（留空：不限制）</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <translation>镜像(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation>命令(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Replicas:</source>
        <translation>副本数(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Published at the router:</source>
        <translation>在路由器上发布(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;HTTP health check path:</source>
        <translation>HTTP 健康检查路径(&amp;H)：</translation>
    </message>
    <message>
        <source>C&amp;PUs per replica:</source>
        <translation>每个副本的 CPU(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Memory per replica:</source>
        <translation>每个副本的内存(&amp;M)：</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>The command has an unclosed quote.</source>
        <translation>命令中有未闭合的引号。</translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::ServicesPage</name>
    <message>
        <source>Scale %1</source>
        <translation>伸缩 %1</translation>
    </message>
    <message>
        <source>Replicas of %1:</source>
        <translation>%1 的副本数：</translation>
    </message>
    <message>
        <source>Update %1</source>
        <translation>更新 %1</translation>
    </message>
    <message>
        <source>New image of %1 (its replicas are replaced one batch at a time):</source>
        <translation>%1 的新镜像（其副本将逐批替换）：</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>&amp;New service…</source>
        <translation>新建服务(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Scale…</source>
        <translation>伸缩(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Update image…</source>
        <translation>更新镜像(&amp;U)…</translation>
    </message>
    <message>
        <source>Roll &amp;back</source>
        <translation>回滚(&amp;B)</translation>
    </message>
    <message>
        <source>Re&amp;start</source>
        <translation>重启(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>Replica</source>
        <translation>副本</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Services keep their desired state in the platform database: open one with File → Database.</source>
        <translation>服务的期望状态保存在平台数据库中：请通过 文件 → 数据库 打开一个。</translation>
    </message>
    <message>
        <source>no check</source>
        <translation>无检查</translation>
    </message>
    <message>
        <source>current</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>previous</source>
        <translation>上一版</translation>
    </message>
    <message>
        <source>Service %1 created; its replicas start as the host&apos;s controller gets to them.</source>
        <translation>服务 %1 已创建；主机的控制器处理时会启动其副本。</translation>
    </message>
    <message>
        <source>%1 is scaling to %2 replicas.</source>
        <translation>%1 正在伸缩到 %2 个副本。</translation>
    </message>
    <message>
        <source>%1 is rolling out %2.</source>
        <translation>%1 正在发布 %2。</translation>
    </message>
    <message>
        <source>Roll %1 back to the configuration before its last change?</source>
        <translation>将 %1 回滚到上次修改前的配置？</translation>
    </message>
    <message>
        <source>%1 is rolling back.</source>
        <translation>%1 正在回滚。</translation>
    </message>
    <message>
        <source>Every replica of %1 is being replaced, one batch at a time.</source>
        <translation>正在逐批替换 %1 的每个副本。</translation>
    </message>
    <message>
        <source>Remove service %1? Its replicas leave the router, drain and are removed.</source>
        <translation>删除服务 %1？其副本会离开路由器、排空后删除。</translation>
    </message>
    <message>
        <source>Service %1 removed.</source>
        <translation>服务 %1 已删除。</translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::SshPrompter</name>
    <message>
        <source>Unknown SSH host key</source>
        <translation>未知的 SSH 主机密钥</translation>
    </message>
    <message>
        <source>Wharf has never connected to %1 before.</source>
        <translation>Wharf 以前从未连接过 %1。</translation>
    </message>
    <message>
        <source>Its %1 key has the fingerprint

%2

Compare it with the fingerprint the host&apos;s administrator gives you (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on the host). Trust it only if they are the same.</source>
        <translation>它的 %1 密钥指纹为

%2

请与主机管理员提供的指纹（在主机上运行 ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub）比较。只有两者相同时才信任它。</translation>
    </message>
    <message>
        <source>Trust and connect</source>
        <translation>信任并连接</translation>
    </message>
    <message>
        <source>SSH key passphrase</source>
        <translation>SSH 私钥口令</translation>
    </message>
    <message>
        <source>SSH password</source>
        <translation>SSH 密码</translation>
    </message>
    <message>
        <source>The key %1 for %2 is protected by a passphrase.</source>
        <translation>用于 %2 的私钥 %1 受口令保护。</translation>
    </message>
    <message>
        <source>Password for %1.</source>
        <translation>%1 的密码。</translation>
    </message>
    <message>
        <source>That passphrase was wrong.</source>
        <translation>口令错误。</translation>
    </message>
    <message>
        <source>That password was wrong.</source>
        <translation>密码错误。</translation>
    </message>
    <message>
        <source>Remember in the system keychain</source>
        <translation>保存在系统钥匙串中</translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::StatsCharts</name>
    <message>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <source>Memory (MiB)</source>
        <translation>内存（MiB）</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>已用</translation>
    </message>
    <message>
        <source>Network (KiB/s)</source>
        <translation>网络（KiB/s）</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Block I/O (KiB/s)</source>
        <translation>磁盘 I/O（KiB/s）</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>写入</translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::TaskDelegate</name>
    <message numerus="yes">
        <source>%n more layers</source>
        <translation>
            <numerusform>另外 %n 层</numerusform>
        </translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::TenantDaemonsTab</name>
    <message>
        <source>the whole host</source>
        <translation>整台主机</translation>
    </message>
    <message>
        <source>%1 memory, %2 CPUs, %3 processes</source>
        <translation>内存 %1，CPU %2 个，进程 %3 个</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Take back</source>
        <translation>收回</translation>
    </message>
    <message>
        <source>Also remove its images, containers and volumes</source>
        <translation>同时删除其镜像、容器和数据卷</translation>
    </message>
    <message>
        <source>Export connection profile</source>
        <translation>导出连接配置文件</translation>
    </message>
    <message>
        <source>Wharf connection profiles (*.wharf-profile);;All files (*)</source>
        <translation>Wharf 连接配置文件 (*.wharf-profile);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Unix user</source>
        <translation>Unix 用户</translation>
    </message>
    <message>
        <source>Tenant&apos;s address</source>
        <translation>租户的地址</translation>
    </message>
    <message>
        <source>Cgroup limits</source>
        <translation>cgroup 限制</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Give a tenant a daemon…</source>
        <translation>为租户提供守护进程…</translation>
    </message>
    <message>
        <source>Take back…</source>
        <translation>收回…</translation>
    </message>
    <message>
        <source>Export connection profile…</source>
        <translation>导出连接配置文件…</translation>
    </message>
    <message>
        <source>A tenant reaches only the daemons given to it here, with its own key: its rootless daemon on a shared host (held to its plan by the kernel) or a host dedicated to it. Export its connection profile and hand it over; the tenant imports it with File → Import connection profile.</source>
        <translation>租户只能用自己的密钥访问在这里提供给它的守护进程：共享主机上它自己的 rootless 守护进程（由内核限制在套餐范围内），或专供它使用的主机。导出它的连接配置文件并交给租户；租户通过“文件 → 导入连接配置文件”导入。</translation>
    </message>
    <message>
        <source>dedicated host</source>
        <translation>专属主机</translation>
    </message>
    <message>
        <source>rootless daemon</source>
        <translation>rootless 守护进程</translation>
    </message>
    <message>
        <source>There is no host named %1 in this console.</source>
        <translation>本控制台中没有名为 %1 的主机。</translation>
    </message>
    <message>
        <source>%1 is not connected: connect to it first (%2).</source>
        <translation>%1 未连接：请先连接它（%2）。</translation>
    </message>
    <message>
        <source>Tenant &quot;%1&quot; has no plan: its daemon&apos;s limits come from the plan.</source>
        <translation>租户“%1”没有套餐：其守护进程的限制来自套餐。</translation>
    </message>
    <message>
        <source>The host %1 was removed meanwhile.</source>
        <translation>主机 %1 已在此期间被移除。</translation>
    </message>
    <message>
        <source>Dedicating %1 to tenant %2</source>
        <translation>正在将 %1 专供租户 %2 使用</translation>
    </message>
    <message>
        <source>Giving tenant %1 a daemon on %2</source>
        <translation>正在为租户 %1 在 %2 上提供守护进程</translation>
    </message>
    <message>
        <source>Host %1 is dedicated to tenant %2, who reaches its daemon as Unix user %3 at %4.</source>
        <translation>主机 %1 已专供租户 %2 使用，租户以 Unix 用户 %3 通过 %4 访问其守护进程。</translation>
    </message>
    <message>
        <source>Tenant %1 reaches its own daemon on %2 as Unix user %3 at %4; its cgroup is held to %5.</source>
        <translation>租户 %1 以 Unix 用户 %3 通过 %4 访问它在 %2 上的守护进程；其 cgroup 限制为 %5。</translation>
    </message>
    <message>
        <source>Select a tenant&apos;s daemon first.</source>
        <translation>请先选择一个租户的守护进程。</translation>
    </message>
    <message>
        <source>Take host %1 back from tenant %2? Its Unix user and key go; the host&apos;s daemon stays.</source>
        <translation>要从租户 %2 收回主机 %1 吗？其 Unix 用户和密钥将被删除；主机的守护进程保留。</translation>
    </message>
    <message>
        <source>Remove the daemon and Unix user %1 of tenant %2 from %3?</source>
        <translation>要从 %3 删除租户 %2 的守护进程和 Unix 用户 %1 吗？</translation>
    </message>
    <message>
        <source>Tenant &quot;%1&quot; has no endpoint on %2.</source>
        <translation>租户“%1”在 %2 上没有接入点。</translation>
    </message>
    <message>
        <source>%1 is not connected: connect to it first.</source>
        <translation>%1 未连接：请先连接它。</translation>
    </message>
    <message>
        <source>Taking %1 back from tenant %2</source>
        <translation>正在从租户 %2 收回 %1</translation>
    </message>
    <message>
        <source>Removing tenant %1&apos;s daemon from %2</source>
        <translation>正在从 %2 删除租户 %1 的守护进程</translation>
    </message>
    <message>
        <source>Host %1 is no longer dedicated to tenant %2; its Unix user and key are gone.</source>
        <translation>主机 %1 不再专供租户 %2 使用；其 Unix 用户和密钥已删除。</translation>
    </message>
    <message>
        <source>Removed the daemon and Unix user %1 of tenant %2 from %3.</source>
        <translation>已从 %3 删除租户 %2 的守护进程和 Unix 用户 %1。</translation>
    </message>
    <message>
        <source>Tenant %1 has no endpoints yet.</source>
        <translation>租户 %1 还没有接入点。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Saved tenant %1&apos;s connection profile (%2 hosts, no secrets) in %3. The tenant imports it with its own key.</source>
        <translation>已将租户 %1 的连接配置文件（%2 台主机，不含任何密钥）保存到 %3。租户用自己的密钥导入。</translation>
    </message>
    <message>
        <source>not read yet</source>
        <translation>尚未读取</translation>
    </message>
    <message>
        <source>%1 memory, %2 CPU-seconds, %3 processes (%4)</source>
        <translation>内存 %1，CPU %2 秒，进程 %3 个（%4）</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>已用</translation>
    </message>
    <message>
        <source>the host&apos;s</source>
        <translation>见主机</translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::TenantDashboard</name>
    <message>
        <source>Quota</source>
        <translation>配额</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>Cost per day, this month</source>
        <translation>本月每日费用</translation>
    </message>
    <message>
        <source>This month so far</source>
        <translation>本月至今</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>创建于</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作者</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Recent events</source>
        <translation>最近事件</translation>
    </message>
    <message>
        <source>%1 · plan %2 · %3</source>
        <translation>%1 · 套餐 %2 · %3</translation>
    </message>
    <message>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 (not limited)</source>
        <translation>%1（不限）</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Export bill CSV…</source>
        <translation>导出账单 CSV…</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>按天</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>明细</translation>
    </message>
    <message>
        <source>Export the bill</source>
        <translation>导出账单</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>container</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>volume</source>
        <translation>数据卷</translation>
    </message>
    <message>
        <source>network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>app</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>资源</translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::TenantDialog</name>
    <message>
        <source>New tenant</source>
        <translation>新建租户</translation>
    </message>
    <message>
        <source>lower-case letters, digits and dashes</source>
        <translation>小写字母、数字和短横线</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation>显示名称：</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>邮箱：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>套餐：</translation>
    </message>
    <message>
        <source>tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Create a plan first: a tenant needs one.</source>
        <translation>请先创建套餐：租户需要一个套餐。</translation>
    </message>
</context>
<context>
    <name>Wharf::Ui::TenantsPage</name>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>套餐</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Usage prices</source>
        <translation>用量单价</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>域</translation>
    </message>
    <message>
        <source>New tenant…</source>
        <translation>新建租户…</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Change plan…</source>
        <translation>更改套餐…</translation>
    </message>
    <message>
        <source>Open dashboard</source>
        <translation>打开仪表盘</translation>
    </message>
    <message>
        <source>Tenants</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>New plan…</source>
        <translation>新建套餐…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>套餐</translation>
    </message>
    <message>
        <source>Make a host public…</source>
        <translation>设为公共主机…</translation>
    </message>
    <message>
        <source>Public host</source>
        <translation>公共主机</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>主机：</translation>
    </message>
    <message>
        <source>Give a host to a tenant…</source>
        <translation>将主机分配给租户…</translation>
    </message>
    <message>
        <source>Private host</source>
        <translation>私有主机</translation>
    </message>
    <message>
        <source>Tenant:</source>
        <translation>租户：</translation>
    </message>
    <message>
        <source>Remove from domains</source>
        <translation>移出所有域</translation>
    </message>
    <message>
        <source>Tenants reach only public hosts and the hosts of their own domain. A host in no domain is the admins&apos; alone.</source>
        <translation>租户只能使用公共主机和自己域中的主机。不属于任何域的主机仅供管理员使用。</translation>
    </message>
    <message>
        <source>Host domains</source>
        <translation>主机域</translation>
    </message>
    <message>
        <source>free</source>
        <translation>免费</translation>
    </message>
    <message>
        <source>%1 per hour</source>
        <translation>每小时 %1</translation>
    </message>
    <message>
        <source>%1 per month</source>
        <translation>每月 %1</translation>
    </message>
    <message>
        <source>CPU-h %1 · GiB-h %2 · GiB-day %3</source>
        <translation>CPU 小时 %1 · GiB 小时 %2 · GiB 天 %3</translation>
    </message>
    <message>
        <source>not limited</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>public</source>
        <translation>公共</translation>
    </message>
    <message>
        <source>private</source>
        <translation>私有</translation>
    </message>
    <message>
        <source>Select a tenant first.</source>
        <translation>请先选择一个租户。</translation>
    </message>
    <message>
        <source>Change plan</source>
        <translation>更改套餐</translation>
    </message>
    <message>
        <source>New plan for %1:</source>
        <translation>%1 的新套餐：</translation>
    </message>
    <message>
        <source>Select a plan first.</source>
        <translation>请先选择一个套餐。</translation>
    </message>
    <message>
        <source>Select a host first.</source>
        <translation>请先选择一个主机。</translation>
    </message>
    <message>
        <source>Tenants&apos; daemons</source>
        <translation>租户守护进程</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Wharf: a native console for Docker hosts</source>
        <translation>Wharf：Docker 主机的原生控制台</translation>
    </message>
    <message>
        <source>Interface language (en, zh_CN)</source>
        <translation>界面语言（en、zh_CN）</translation>
    </message>
    <message>
        <source>code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Measure start-up: print the time to the first painted table with N containers, then quit</source>
        <translation>测量启动：打印首次绘制出含 N 个容器的表格所用的时间，然后退出</translation>
    </message>
    <message>
        <source>Platform database: %1</source>
        <translation>平台数据库：%1</translation>
    </message>
    <message>
        <source>Platform database</source>
        <translation>平台数据库</translation>
    </message>
    <message>
        <source>Address (sqlite:///path/file.db or postgresql://user@host:port/database):</source>
        <translation>地址（sqlite:///路径/文件.db 或 postgresql://用户@主机:端口/数据库）：</translation>
    </message>
    <message>
        <source>Password of %1 (kept in the keychain):</source>
        <translation>%1 的密码（保存在钥匙串中）：</translation>
    </message>
    <message>
        <source>%1: quota reconciled (%2 removed outside Wharf, %3 tenants&apos; counters corrected)</source>
        <translation>%1：配额已对账（%2 个在 Wharf 之外被删除，已更正 %3 个租户的计数）</translation>
    </message>
    <message>
        <source>%1: metering failed: %2</source>
        <translation>%1：计量失败：%2</translation>
    </message>
</context>
<context>
    <name>wharfctl</name>
    <message>
        <source>unknown flag: %1</source>
        <translation>未知选项：%1</translation>
    </message>
    <message>
        <source>flag needs an argument: %1</source>
        <translation>选项需要一个参数：%1</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;; see wharfctl --help</source>
        <translation>未知命令 &quot;%1&quot;；请参阅 wharfctl --help</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs at least one name</source>
        <translation>&quot;%1&quot; 至少需要一个名称</translation>
    </message>
    <message>
        <source>bad filter &quot;%1&quot;: use KEY=VALUE</source>
        <translation>过滤条件 &quot;%1&quot; 无效：请使用 KEY=VALUE</translation>
    </message>
    <message>
        <source>bad %1 &quot;%2&quot;: use KEY=VALUE</source>
        <translation>%1 &quot;%2&quot; 无效：请使用 KEY=VALUE</translation>
    </message>
    <message>
        <source>usage: wharfctl volume ls|create|inspect|rm|prune</source>
        <translation>用法：wharfctl volume ls|create|inspect|rm|prune</translation>
    </message>
    <message>
        <source>usage: wharfctl network create [OPTIONS] NAME</source>
        <translation>用法：wharfctl network create [选项] 名称</translation>
    </message>
    <message>
        <source>usage: wharfctl network %1 NETWORK CONTAINER</source>
        <translation>用法：wharfctl network %1 网络 容器</translation>
    </message>
    <message>
        <source>usage: wharfctl network ls|create|inspect|connect|disconnect|rm</source>
        <translation>用法：wharfctl network ls|create|inspect|connect|disconnect|rm</translation>
    </message>
    <message>
        <source>&quot;version&quot; takes no arguments</source>
        <translation>&quot;version&quot; 不接受参数</translation>
    </message>
    <message>
        <source>&quot;info&quot; takes no arguments</source>
        <translation>&quot;info&quot; 不接受参数</translation>
    </message>
    <message>
        <source>&quot;events&quot; takes no arguments</source>
        <translation>&quot;events&quot; 不接受参数</translation>
    </message>
    <message>
        <source>--ssh-client must be libssh2 or openssh, not &quot;%1&quot;</source>
        <translation>--ssh-client 只能是 libssh2 或 openssh，不能是“%1”</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Warning: no login for %1 could be read from the keychain (%2); going on without one.</source>
        <translation>警告：无法从钥匙串读取 %1 的登录信息（%2）；将不带登录继续。</translation>
    </message>
    <message>
        <source>(log in with: wharfctl login %1)</source>
        <translation>（请登录：wharfctl login %1）</translation>
    </message>
    <message>
        <source>this removes every image without a container; add -f to go ahead</source>
        <translation>这会删除所有没有容器使用的镜像；加上 -f 以继续</translation>
    </message>
    <message>
        <source>this removes every dangling image; add -f to go ahead</source>
        <translation>这会删除所有悬空镜像；加上 -f 以继续</translation>
    </message>
    <message>
        <source>Deleted Images:</source>
        <translation>已删除的镜像：</translation>
    </message>
    <message>
        <source>Total reclaimed space: %1</source>
        <translation>共回收空间：%1</translation>
    </message>
    <message>
        <source>usage: wharfctl image ls|pull|push|tag|rm|prune|inspect|history|save|load|import|build ...</source>
        <translation>用法：wharfctl image ls|pull|push|tag|rm|prune|inspect|history|save|load|import|build ...</translation>
    </message>
    <message>
        <source>usage: wharfctl pull [-q] [--platform P] NAME[:TAG|@DIGEST]</source>
        <translation>用法：wharfctl pull [-q] [--platform 平台] 名称[:标签|@摘要]</translation>
    </message>
    <message>
        <source>usage: wharfctl push [-q] NAME[:TAG]</source>
        <translation>用法：wharfctl push [-q] 名称[:标签]</translation>
    </message>
    <message>
        <source>push takes a tag, not a digest</source>
        <translation>推送需要标签，而不是摘要</translation>
    </message>
    <message>
        <source>usage: wharfctl tag SOURCE[:TAG] TARGET[:TAG]</source>
        <translation>用法：wharfctl tag 源[:标签] 目标[:标签]</translation>
    </message>
    <message>
        <source>a tag cannot be a digest</source>
        <translation>标签不能是摘要</translation>
    </message>
    <message>
        <source>usage: wharfctl history [--no-trunc] IMAGE</source>
        <translation>用法：wharfctl history [--no-trunc] 镜像</translation>
    </message>
    <message>
        <source>usage: wharfctl save -o FILE IMAGE...</source>
        <translation>用法：wharfctl save -o 文件 镜像...</translation>
    </message>
    <message>
        <source>refusing to write a tar to the terminal: give -o FILE or redirect the output</source>
        <translation>拒绝把 tar 写到终端：请给出 -o 文件或重定向输出</translation>
    </message>
    <message>
        <source>cannot write to the standard output</source>
        <translation>无法写入标准输出</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>give -i FILE or send the tar on the standard input</source>
        <translation>请给出 -i 文件，或通过标准输入发送 tar</translation>
    </message>
    <message>
        <source>cannot read the standard input</source>
        <translation>无法读取标准输入</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a tar archive of images (docker save makes them)</source>
        <translation>%1 不是镜像的 tar 归档（由 docker save 生成）</translation>
    </message>
    <message>
        <source>the daemon loaded no image from this archive</source>
        <translation>守护进程没有从该归档中载入任何镜像</translation>
    </message>
    <message>
        <source>Loaded image: %1</source>
        <translation>已载入镜像：%1</translation>
    </message>
    <message>
        <source>usage: wharfctl import [-c CHANGE] [-m MESSAGE] FILE|-|URL [REPOSITORY[:TAG]]</source>
        <translation>用法：wharfctl import [-c 变更] [-m 说明] 文件|-|URL [仓库[:标签]]</translation>
    </message>
    <message>
        <source>%1 is not a tar archive of a root file system</source>
        <translation>%1 不是根文件系统的 tar 归档</translation>
    </message>
    <message>
        <source>usage: wharfctl build [-t NAME:TAG] [-f FILE] [--build-arg K=V] [--target T] [--no-cache] [--pull] FOLDER|GIT-URL</source>
        <translation>用法：wharfctl build [-t 名称:标签] [-f 文件] [--build-arg K=V] [--target 阶段] [--no-cache] [--pull] 文件夹|GIT-URL</translation>
    </message>
    <message>
        <source>Sending build context: %1 in %2 files (%3 left out by .dockerignore)</source>
        <translation>正在发送构建上下文：%2 个文件共 %1（.dockerignore 排除了 %3 个）</translation>
    </message>
    <message>
        <source>usage: wharfctl login [REGISTRY] -u USER [--password-stdin]</source>
        <translation>用法：wharfctl login [镜像仓库] -u 用户名 [--password-stdin]</translation>
    </message>
    <message>
        <source>give the user name with -u USER</source>
        <translation>请用 -u 用户名 给出用户名</translation>
    </message>
    <message>
        <source>Warning: a password on the command line is visible to other users; use --password-stdin.</source>
        <translation>警告：命令行中的密码对其他用户可见；请使用 --password-stdin。</translation>
    </message>
    <message>
        <source>Password for %1 at %2: </source>
        <translation>%2 上 %1 的密码：</translation>
    </message>
    <message>
        <source>no terminal to ask the password on: use --password-stdin</source>
        <translation>没有可以询问密码的终端：请使用 --password-stdin</translation>
    </message>
    <message>
        <source>the password is empty</source>
        <translation>密码为空</translation>
    </message>
    <message>
        <source>Login Succeeded (%1; the password is in the keychain)</source>
        <translation>登录成功（%1；密码保存在钥匙串中）</translation>
    </message>
    <message>
        <source>usage: wharfctl logout [REGISTRY]</source>
        <translation>用法：wharfctl logout [镜像仓库]</translation>
    </message>
    <message>
        <source>Removed the login for %1</source>
        <translation>已删除 %1 的登录信息</translation>
    </message>
    <message>
        <source>run by Wharf</source>
        <translation>由 Wharf 运行</translation>
    </message>
    <message>
        <source>usage: wharfctl registry add NAME URL</source>
        <translation>用法：wharfctl registry add 名称 URL</translation>
    </message>
    <message>
        <source>usage: wharfctl registry remove NAME</source>
        <translation>用法：wharfctl registry remove 名称</translation>
    </message>
    <message>
        <source>usage: wharfctl registry repos REGISTRY</source>
        <translation>用法：wharfctl registry repos 镜像仓库</translation>
    </message>
    <message>
        <source>usage: wharfctl registry %1 REGISTRY/REPOSITORY%2</source>
        <translation>用法：wharfctl registry %1 镜像仓库/仓库%2</translation>
    </message>
    <message>
        <source>registry tags takes a repository without a tag</source>
        <translation>registry tags 需要不带标签的仓库</translation>
    </message>
    <message>
        <source>give a tag or digest: REGISTRY/REPOSITORY:TAG</source>
        <translation>请给出标签或摘要：镜像仓库/仓库:标签</translation>
    </message>
    <message>
        <source>Deleted: %1</source>
        <translation>已删除：%1</translation>
    </message>
    <message>
        <source>usage: wharfctl registry ls|add|remove|repos|tags|inspect|rm|run ...</source>
        <translation>用法：wharfctl registry ls|add|remove|repos|tags|inspect|rm|run ...</translation>
    </message>
    <message>
        <source>usage: wharfctl registry run [--name N] [--port P] [--image I] [--volume V] [--bind ADDR]</source>
        <translation>用法：wharfctl registry run [--name 名称] [--port 端口] [--image 镜像] [--volume 数据卷] [--bind 地址]</translation>
    </message>
    <message>
        <source>--port needs a number</source>
        <translation>--port 需要一个数字</translation>
    </message>
    <message>
        <source>Registry &quot;%1&quot; runs at %2 (container %3)</source>
        <translation>镜像仓库“%1”运行于 %2（容器 %3）</translation>
    </message>
    <message>
        <source>--output must be table, json or csv, not &quot;%1&quot;</source>
        <translation>--output 只能是 table、json 或 csv，而不是“%1”</translation>
    </message>
    <message>
        <source>name the shell: bash or zsh</source>
        <translation>请指定 shell：bash 或 zsh</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs a sub-command</source>
        <translation>“%1”需要一个子命令</translation>
    </message>
    <message>
        <source>the daemon: unix://, tcp://, ssh:// or a saved host&apos;s name</source>
        <translation>守护进程：unix://、tcp://、ssh:// 或已保存主机的名称</translation>
    </message>
    <message>
        <source>TLS, the daemon checked against the CA</source>
        <translation>使用 TLS，并用 CA 校验守护进程</translation>
    </message>
    <message>
        <source>TLS without checking the daemon (lab mode only)</source>
        <translation>使用 TLS 但不校验守护进程（仅限实验模式）</translation>
    </message>
    <message>
        <source>the CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>the client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <source>the client key</source>
        <translation>客户端私钥</translation>
    </message>
    <message>
        <source>a known_hosts file for ssh:// hosts</source>
        <translation>ssh:// 主机使用的 known_hosts 文件</translation>
    </message>
    <message>
        <source>trust an ssh:// host seen for the first time</source>
        <translation>信任首次连接的 ssh:// 主机</translation>
    </message>
    <message>
        <source>the SSH key for ssh:// hosts</source>
        <translation>ssh:// 主机使用的 SSH 私钥</translation>
    </message>
    <message>
        <source>which SSH client to use</source>
        <translation>使用哪个 SSH 客户端</translation>
    </message>
    <message>
        <source>how lists are printed</source>
        <translation>列表的输出格式</translation>
    </message>
    <message>
        <source>the metadata database: sqlite:///FILE or postgresql://USER@HOST/DB</source>
        <translation>元数据数据库：sqlite:///文件 或 postgresql://用户@主机/数据库</translation>
    </message>
    <message>
        <source>act within this tenant&apos;s quota, hosts and containers</source>
        <translation>在该租户的配额、主机和容器范围内操作</translation>
    </message>
    <message>
        <source>this help (wharfctl COMMAND --help: a command&apos;s)</source>
        <translation>本帮助（wharfctl 命令 --help：某个命令的帮助）</translation>
    </message>
    <message>
        <source>wharfctl&apos;s version</source>
        <translation>wharfctl 的版本</translation>
    </message>
    <message>
        <source>Usage: wharfctl %1%2
See &apos;wharfctl %3 --help&apos;.</source>
        <translation>用法：wharfctl %1%2
参见“wharfctl %3 --help”。</translation>
    </message>
    <message>
        <source>Usage: wharfctl %1%2</source>
        <translation>用法：wharfctl %1%2</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>选项：</translation>
    </message>
    <message>
        <source>An admin&apos;s command: a tenant&apos;s request is refused and recorded.</source>
        <translation>管理员命令：租户的请求会被拒绝并记入审计日志。</translation>
    </message>
    <message>
        <source>Usage: wharfctl [OPTIONS] COMMAND [ARGS]

The Wharf platform without a window: hosts, containers, images, apps, tenants, plans and bills.
</source>
        <translation>用法：wharfctl [选项] 命令 [参数]

不带窗口的 Wharf 平台：主机、容器、镜像、应用、租户、套餐和账单。
</translation>
    </message>
    <message>
        <source>The host comes from -H (an address or a saved host&apos;s name), else DOCKER_HOST, else the local socket.
--tenant NAME acts within that tenant&apos;s quota, hosts and containers; a tenant&apos;s database role always does.
Run &apos;wharfctl COMMAND --help&apos; for a command&apos;s options.</source>
        <translation>主机取自 -H（地址或已保存主机的名称），否则取 DOCKER_HOST，再否则使用本地套接字。
--tenant 名称 在该租户的配额、主机和容器范围内操作；租户的数据库角色总是如此。
运行“wharfctl 命令 --help”查看某个命令的选项。</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Volumes and networks</source>
        <translation>数据卷与网络</translation>
    </message>
    <message>
        <source>Images and registries</source>
        <translation>镜像与镜像仓库</translation>
    </message>
    <message>
        <source>Saved hosts</source>
        <translation>已保存的主机</translation>
    </message>
    <message>
        <source>Platform (the metadata database: --db URL or WHARF_DB, else the embedded SQLite file)</source>
        <translation>平台（元数据数据库：--db URL 或 WHARF_DB，否则使用内嵌的 SQLite 文件）</translation>
    </message>
    <message>
        <source>Applications (compose files)</source>
        <translation>应用（compose 文件）</translation>
    </message>
    <message>
        <source>Shell</source>
        <translation>命令行</translation>
    </message>
    <message>
        <source>print only names or ids</source>
        <translation>只输出名称或 ID</translation>
    </message>
    <message>
        <source>do not ask, and go ahead where it would stop</source>
        <translation>不询问，在本会停下的地方继续</translation>
    </message>
    <message>
        <source>keep what matches (docker&apos;s filters), repeatable</source>
        <translation>只保留匹配项（docker 的过滤条件），可重复</translation>
    </message>
    <message>
        <source>do not shorten ids and commands</source>
        <translation>不截短 ID 和命令</translation>
    </message>
    <message>
        <source>a label, repeatable (io.wharf. is reserved)</source>
        <translation>标签，可重复（io.wharf. 为保留前缀）</translation>
    </message>
    <message>
        <source>read the password from standard input</source>
        <translation>从标准输入读取密码</translation>
    </message>
    <message>
        <source>from this time (RFC 3339, a date, or a duration like 10m)</source>
        <translation>从该时间起（RFC 3339、日期，或 10m 这样的时长）</translation>
    </message>
    <message>
        <source>up to this time</source>
        <translation>截至该时间</translation>
    </message>
    <message>
        <source>a compose file, repeatable (later ones override)</source>
        <translation>compose 文件，可重复（后面的覆盖前面的）</translation>
    </message>
    <message>
        <source>the folder relative paths start from</source>
        <translation>相对路径的起始文件夹</translation>
    </message>
    <message>
        <source>the app&apos;s name (else name: in the file, else the folder&apos;s)</source>
        <translation>应用名称（否则取文件中的 name:，再否则取文件夹名）</translation>
    </message>
    <message>
        <source>variables for interpolation, repeatable (default .env)</source>
        <translation>插值用的变量文件，可重复（默认 .env）</translation>
    </message>
    <message>
        <source>enable a profile, repeatable</source>
        <translation>启用一个 profile，可重复</translation>
    </message>
    <message>
        <source>seconds to wait for it to stop before it is killed</source>
        <translation>强制终止前等待其停止的秒数</translation>
    </message>
    <message>
        <source>the versions of wharfctl and of the daemon</source>
        <translation>wharfctl 与守护进程的版本</translation>
    </message>
    <message>
        <source>the daemon&apos;s facts (containers, images, storage, runtime)</source>
        <translation>守护进程的信息（容器、镜像、存储、运行时）</translation>
    </message>
    <message>
        <source>follow the daemon&apos;s events</source>
        <translation>跟踪守护进程的事件</translation>
    </message>
    <message>
        <source>list containers</source>
        <translation>列出容器</translation>
    </message>
    <message>
        <source>stopped ones too</source>
        <translation>包括已停止的</translation>
    </message>
    <message>
        <source>with their sizes on disk</source>
        <translation>显示其磁盘占用</translation>
    </message>
    <message>
        <source>run in the background and print its id</source>
        <translation>在后台运行并输出其 ID</translation>
    </message>
    <message>
        <source>keep standard input open</source>
        <translation>保持标准输入打开</translation>
    </message>
    <message>
        <source>give it a terminal</source>
        <translation>为其分配终端</translation>
    </message>
    <message>
        <source>remove it when it exits</source>
        <translation>退出后将其删除</translation>
    </message>
    <message>
        <source>its name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>an environment variable, repeatable</source>
        <translation>环境变量，可重复</translation>
    </message>
    <message>
        <source>publish a port, repeatable</source>
        <translation>发布端口，可重复</translation>
    </message>
    <message>
        <source>mount a volume or folder, repeatable</source>
        <translation>挂载数据卷或文件夹，可重复</translation>
    </message>
    <message>
        <source>memory limit (512m, 1g)</source>
        <translation>内存上限（512m、1g）</translation>
    </message>
    <message>
        <source>CPU limit (1.5)</source>
        <translation>CPU 上限（1.5）</translation>
    </message>
    <message>
        <source>no, always, unless-stopped or on-failure[:N]</source>
        <translation>no、always、unless-stopped 或 on-failure[:N]</translation>
    </message>
    <message>
        <source>the network it joins</source>
        <translation>加入的网络</translation>
    </message>
    <message>
        <source>replace the image&apos;s entrypoint</source>
        <translation>替换镜像的入口点</translation>
    </message>
    <message>
        <source>the working folder inside</source>
        <translation>容器内的工作文件夹</translation>
    </message>
    <message>
        <source>the user it runs as</source>
        <translation>运行所用的用户</translation>
    </message>
    <message>
        <source>all the host&apos;s devices and capabilities (admins only)</source>
        <translation>主机的全部设备与权能（仅限管理员）</translation>
    </message>
    <message>
        <source>the PID namespace (host: admins only)</source>
        <translation>PID 命名空间（host：仅限管理员）</translation>
    </message>
    <message>
        <source>the IPC namespace (host: admins only)</source>
        <translation>IPC 命名空间（host：仅限管理员）</translation>
    </message>
    <message>
        <source>a host device (admins only), repeatable</source>
        <translation>主机设备（仅限管理员），可重复</translation>
    </message>
    <message>
        <source>a Linux capability (admins only), repeatable</source>
        <translation>Linux 权能（仅限管理员），可重复</translation>
    </message>
    <message>
        <source>create a container</source>
        <translation>创建容器</translation>
    </message>
    <message>
        <source>create and start a container (and follow it unless -d)</source>
        <translation>创建并启动容器（未加 -d 时跟随其输出）</translation>
    </message>
    <message>
        <source>start containers</source>
        <translation>启动容器</translation>
    </message>
    <message>
        <source>stop containers</source>
        <translation>停止容器</translation>
    </message>
    <message>
        <source>restart containers</source>
        <translation>重启容器</translation>
    </message>
    <message>
        <source>send containers a signal (KILL unless -s)</source>
        <translation>向容器发送信号（未加 -s 时为 KILL）</translation>
    </message>
    <message>
        <source>the signal to send</source>
        <translation>要发送的信号</translation>
    </message>
    <message>
        <source>pause containers</source>
        <translation>暂停容器</translation>
    </message>
    <message>
        <source>resume paused containers</source>
        <translation>恢复已暂停的容器</translation>
    </message>
    <message>
        <source>remove containers</source>
        <translation>删除容器</translation>
    </message>
    <message>
        <source>remove running ones too</source>
        <translation>也删除运行中的</translation>
    </message>
    <message>
        <source>and their anonymous volumes</source>
        <translation>连同其匿名数据卷</translation>
    </message>
    <message>
        <source>rename a container</source>
        <translation>重命名容器</translation>
    </message>
    <message>
        <source>change containers&apos; limits (a tenant&apos;s growth is held to its plan)</source>
        <translation>修改容器的资源上限（租户的增长受其套餐约束）</translation>
    </message>
    <message>
        <source>the daemon&apos;s JSON of containers, images, volumes or networks</source>
        <translation>容器、镜像、数据卷或网络在守护进程中的 JSON</translation>
    </message>
    <message>
        <source>container, image, volume or network</source>
        <translation>container、image、volume 或 network</translation>
    </message>
    <message>
        <source>a container&apos;s output</source>
        <translation>容器的输出</translation>
    </message>
    <message>
        <source>keep following</source>
        <translation>持续跟随</translation>
    </message>
    <message>
        <source>with the daemon&apos;s timestamps</source>
        <translation>带守护进程的时间戳</translation>
    </message>
    <message>
        <source>the last N lines (all)</source>
        <translation>最后 N 行（all）</translation>
    </message>
    <message>
        <source>live CPU, memory, network and disk use</source>
        <translation>实时的 CPU、内存、网络与磁盘用量</translation>
    </message>
    <message>
        <source>one reading, then exit</source>
        <translation>读取一次后退出</translation>
    </message>
    <message>
        <source>stopped containers too</source>
        <translation>包括已停止的容器</translation>
    </message>
    <message>
        <source>a container&apos;s processes</source>
        <translation>容器中的进程</translation>
    </message>
    <message>
        <source>run a command in a running container</source>
        <translation>在运行中的容器里执行命令</translation>
    </message>
    <message>
        <source>run in the background</source>
        <translation>在后台运行</translation>
    </message>
    <message>
        <source>copy files between a container and this machine</source>
        <translation>在容器与本机之间复制文件</translation>
    </message>
    <message>
        <source>volumes (a tenant&apos;s own: ls, create, inspect, rm)</source>
        <translation>数据卷（租户自己的：ls、create、inspect、rm）</translation>
    </message>
    <message>
        <source>the volume driver (local)</source>
        <translation>数据卷驱动（local）</translation>
    </message>
    <message>
        <source>a driver option, repeatable</source>
        <translation>驱动选项，可重复</translation>
    </message>
    <message>
        <source>networks (a tenant&apos;s own: ls, create, inspect, rm)</source>
        <translation>网络（租户自己的：ls、create、inspect、rm）</translation>
    </message>
    <message>
        <source>no way out of the network</source>
        <translation>网络不能访问外部</translation>
    </message>
    <message>
        <source>containers may join it by hand</source>
        <translation>容器可手动加入</translation>
    </message>
    <message>
        <source>the network driver (bridge)</source>
        <translation>网络驱动（bridge）</translation>
    </message>
    <message>
        <source>its addresses (admins only)</source>
        <translation>网络地址段（仅限管理员）</translation>
    </message>
    <message>
        <source>its gateway (admins only)</source>
        <translation>网关（仅限管理员）</translation>
    </message>
    <message>
        <source>list images</source>
        <translation>列出镜像</translation>
    </message>
    <message>
        <source>intermediate images too</source>
        <translation>包括中间镜像</translation>
    </message>
    <message>
        <source>with their digests</source>
        <translation>显示摘要</translation>
    </message>
    <message>
        <source>images, as docker image does (prune: -a for every unused image, -f to go ahead)</source>
        <translation>镜像操作，同 docker image（prune：-a 删除所有未使用的镜像，-f 确认执行）</translation>
    </message>
    <message>
        <source>every unused image, not only dangling ones</source>
        <translation>所有未使用的镜像，而不只是悬空镜像</translation>
    </message>
    <message>
        <source>pull an image (with the registry&apos;s login from the keychain)</source>
        <translation>拉取镜像（使用钥匙串中该镜像仓库的登录信息）</translation>
    </message>
    <message>
        <source>the platform to pull</source>
        <translation>要拉取的平台</translation>
    </message>
    <message>
        <source>push an image to its registry</source>
        <translation>把镜像推送到其镜像仓库</translation>
    </message>
    <message>
        <source>give an image another name</source>
        <translation>为镜像添加另一个名称</translation>
    </message>
    <message>
        <source>remove images</source>
        <translation>删除镜像</translation>
    </message>
    <message>
        <source>even when a container uses it</source>
        <translation>即使有容器在使用</translation>
    </message>
    <message>
        <source>keep untagged parents</source>
        <translation>保留无标签的父镜像</translation>
    </message>
    <message>
        <source>an image&apos;s layers</source>
        <translation>镜像的分层</translation>
    </message>
    <message>
        <source>sizes and times for people (the default)</source>
        <translation>以便于阅读的方式显示大小与时间（默认）</translation>
    </message>
    <message>
        <source>write images to a tar archive</source>
        <translation>把镜像写入 tar 归档</translation>
    </message>
    <message>
        <source>the archive (else standard output)</source>
        <translation>归档文件（否则写到标准输出）</translation>
    </message>
    <message>
        <source>load images from a tar archive</source>
        <translation>从 tar 归档载入镜像</translation>
    </message>
    <message>
        <source>the archive (else standard input)</source>
        <translation>归档文件（否则从标准输入读取）</translation>
    </message>
    <message>
        <source>make an image of a root file system archive</source>
        <translation>用根文件系统归档制作镜像</translation>
    </message>
    <message>
        <source>a Dockerfile instruction to apply, repeatable</source>
        <translation>要应用的 Dockerfile 指令，可重复</translation>
    </message>
    <message>
        <source>the commit message</source>
        <translation>提交说明</translation>
    </message>
    <message>
        <source>build an image from a Dockerfile (.dockerignore honoured)</source>
        <translation>用 Dockerfile 构建镜像（遵循 .dockerignore）</translation>
    </message>
    <message>
        <source>name the image, repeatable</source>
        <translation>镜像名称，可重复</translation>
    </message>
    <message>
        <source>the Dockerfile (PATH/Dockerfile)</source>
        <translation>Dockerfile（路径/Dockerfile）</translation>
    </message>
    <message>
        <source>a build argument, repeatable</source>
        <translation>构建参数，可重复</translation>
    </message>
    <message>
        <source>the stage to build</source>
        <translation>要构建的阶段</translation>
    </message>
    <message>
        <source>the platform to build for</source>
        <translation>目标平台</translation>
    </message>
    <message>
        <source>build every step again</source>
        <translation>重新构建每一步</translation>
    </message>
    <message>
        <source>pull newer base images</source>
        <translation>拉取更新的基础镜像</translation>
    </message>
    <message>
        <source>check a registry login and keep it in the keychain</source>
        <translation>校验镜像仓库登录并保存到钥匙串</translation>
    </message>
    <message>
        <source>the user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>the password (better: --password-stdin)</source>
        <translation>密码（更好的做法：--password-stdin）</translation>
    </message>
    <message>
        <source>remove a registry login from the keychain</source>
        <translation>从钥匙串中删除镜像仓库登录</translation>
    </message>
    <message>
        <source>the registry list, a registry&apos;s repositories and tags; run a registry on a host</source>
        <translation>镜像仓库列表、仓库中的镜像与标签；在主机上运行镜像仓库</translation>
    </message>
    <message>
        <source>at most N results</source>
        <translation>最多 N 条结果</translation>
    </message>
    <message>
        <source>its port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>the registry image</source>
        <translation>镜像仓库所用的镜像</translation>
    </message>
    <message>
        <source>the volume of its storage</source>
        <translation>存储所用的数据卷</translation>
    </message>
    <message>
        <source>run a registry on the host (a container Wharf owns, port on loopback)</source>
        <translation>在主机上运行镜像仓库（Wharf 管理的容器，端口在回环地址上）</translation>
    </message>
    <message>
        <source>the address its port is published on (127.0.0.1)</source>
        <translation>端口发布的地址（127.0.0.1）</translation>
    </message>
    <message>
        <source>where others reach it, when not where it is published</source>
        <translation>他人访问它的地址（与发布地址不同时）</translation>
    </message>
    <message>
        <source>the host&apos;s group</source>
        <translation>主机所属分组</translation>
    </message>
    <message>
        <source>TLS with a pinned CA</source>
        <translation>使用固定 CA 的 TLS</translation>
    </message>
    <message>
        <source>the client key (kept in the keychain)</source>
        <translation>客户端私钥（保存在钥匙串中）</translation>
    </message>
    <message>
        <source>allow plain tcp:// (a visibly marked lab host)</source>
        <translation>允许明文 tcp://（明显标记的实验主机）</translation>
    </message>
    <message>
        <source>the database, its schema, a PostgreSQL password in the keychain</source>
        <translation>数据库、其模式版本、钥匙串中的 PostgreSQL 密码</translation>
    </message>
    <message>
        <source>plans (套餐): limits and prices</source>
        <translation>套餐：资源上限与价格</translation>
    </message>
    <message>
        <source>containers at most</source>
        <translation>最多容器数</translation>
    </message>
    <message>
        <source>CPUs in all</source>
        <translation>CPU 总数</translation>
    </message>
    <message>
        <source>memory in all</source>
        <translation>内存总量</translation>
    </message>
    <message>
        <source>volume disk in all</source>
        <translation>数据卷磁盘总量</translation>
    </message>
    <message>
        <source>price per hour</source>
        <translation>每小时价格</translation>
    </message>
    <message>
        <source>price per month</source>
        <translation>每月价格</translation>
    </message>
    <message>
        <source>per CPU-hour used</source>
        <translation>每使用一个 CPU 小时的价格</translation>
    </message>
    <message>
        <source>per GiB-hour used</source>
        <translation>每使用 1 GiB 一小时的价格</translation>
    </message>
    <message>
        <source>per GiB-day of volumes</source>
        <translation>数据卷每 GiB 每天的价格</translation>
    </message>
    <message>
        <source>a note on bandwidth</source>
        <translation>带宽说明</translation>
    </message>
    <message>
        <source>the revision the change is based on (refused when it moved on)</source>
        <translation>修改所基于的版本号（若已被他人更新则拒绝）</translation>
    </message>
    <message>
        <source>a free plan</source>
        <translation>免费套餐</translation>
    </message>
    <message>
        <source>the tenant&apos;s plan</source>
        <translation>租户的套餐</translation>
    </message>
    <message>
        <source>contact e-mail</source>
        <translation>联系邮箱</translation>
    </message>
    <message>
        <source>contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>the name shown</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>remove it with its records of resources</source>
        <translation>连同其资源记录一并删除</translation>
    </message>
    <message>
        <source>people with PostgreSQL roles of their own, each named in the audit log</source>
        <translation>拥有自己 PostgreSQL 角色的人员，每人以自己的名字记入审计日志</translation>
    </message>
    <message>
        <source>a member of this tenant</source>
        <translation>该租户的成员</translation>
    </message>
    <message>
        <source>an admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>which hosts tenants may use</source>
        <translation>租户可以使用哪些主机</translation>
    </message>
    <message>
        <source>usage against the plan; recount from the daemon</source>
        <translation>相对套餐的用量；依据守护进程重新计数</translation>
    </message>
    <message>
        <source>a tenant&apos;s usage against its plan</source>
        <translation>租户相对其套餐的用量</translation>
    </message>
    <message>
        <source>recount the quota from what the daemon runs</source>
        <translation>依据守护进程实际运行的内容重新计算配额</translation>
    </message>
    <message>
        <source>record labelled resources the database does not know</source>
        <translation>登记数据库中没有记录但带标签的资源</translation>
    </message>
    <message>
        <source>meter the host&apos;s usage once (cron, or use the controller)</source>
        <translation>为主机计量一次（可由 cron 运行，或使用 controller）</translation>
    </message>
    <message>
        <source>hold the host&apos;s lease and run the control loops</source>
        <translation>持有主机的租约并运行控制循环</translation>
    </message>
    <message>
        <source>seconds between ticks</source>
        <translation>两次计量之间的秒数</translation>
    </message>
    <message>
        <source>one tick, then exit</source>
        <translation>计量一次后退出</translation>
    </message>
    <message>
        <source>a tenant&apos;s bill; --issue records a closed period&apos;s</source>
        <translation>租户账单；--issue 记录一个已结束周期的账单</translation>
    </message>
    <message>
        <source>the period of each line</source>
        <translation>每一行的周期</translation>
    </message>
    <message>
        <source>from</source>
        <translation>起始</translation>
    </message>
    <message>
        <source>to</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>issue the bill of the period holding DATE</source>
        <translation>开具包含该日期的周期的账单</translation>
    </message>
    <message>
        <source>the bills issued</source>
        <translation>已开具的账单</translation>
    </message>
    <message>
        <source>the audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>of this tenant</source>
        <translation>该租户的</translation>
    </message>
    <message>
        <source>by this person</source>
        <translation>该人员的</translation>
    </message>
    <message>
        <source>actions starting so (container., plan.create)</source>
        <translation>以此开头的操作（container.、plan.create）</translation>
    </message>
    <message>
        <source>on this host</source>
        <translation>该主机上的</translation>
    </message>
    <message>
        <source>at most N records</source>
        <translation>最多 N 条记录</translation>
    </message>
    <message>
        <source>compose applications: check a file, plan and deploy it, follow and act on what runs</source>
        <translation>compose 应用：检查文件、规划并部署、跟踪并操作运行中的内容</translation>
    </message>
    <message>
        <source>check a compose file (errors with file:line:column)</source>
        <translation>检查 compose 文件（错误带 文件:行:列）</translation>
    </message>
    <message>
        <source>leave ${...} as written</source>
        <translation>保留 ${...} 原样</translation>
    </message>
    <message>
        <source>check the form only, not what it names</source>
        <translation>只检查格式，不检查所引用的内容</translation>
    </message>
    <message>
        <source>print the services&apos; names</source>
        <translation>输出服务名称</translation>
    </message>
    <message>
        <source>print the normalised model</source>
        <translation>输出规范化后的模型</translation>
    </message>
    <message>
        <source>what a deploy would change</source>
        <translation>部署将会改变什么</translation>
    </message>
    <message>
        <source>all or nothing: a failure puts everything back</source>
        <translation>要么全部成功，要么全部回滚：失败时恢复原状</translation>
    </message>
    <message>
        <source>build every service with a build:</source>
        <translation>构建所有带 build: 的服务</translation>
    </message>
    <message>
        <source>pull every image that is not built</source>
        <translation>拉取所有非构建的镜像</translation>
    </message>
    <message>
        <source>deploy a compose file (missing images are pulled or built)</source>
        <translation>部署 compose 文件（缺少的镜像会被拉取或构建）</translation>
    </message>
    <message>
        <source>the apps on the host</source>
        <translation>主机上的应用</translation>
    </message>
    <message>
        <source>an app&apos;s containers</source>
        <translation>应用的容器</translation>
    </message>
    <message>
        <source>the logs of all of an app&apos;s services, merged</source>
        <translation>应用所有服务的日志，合并显示</translation>
    </message>
    <message>
        <source>the last N lines of each container</source>
        <translation>每个容器的最后 N 行</translation>
    </message>
    <message>
        <source>stop an app</source>
        <translation>停止应用</translation>
    </message>
    <message>
        <source>start an app</source>
        <translation>启动应用</translation>
    </message>
    <message>
        <source>restart an app</source>
        <translation>重启应用</translation>
    </message>
    <message>
        <source>remove an app (its volumes only with --volumes)</source>
        <translation>删除应用（仅在加 --volumes 时删除其数据卷）</translation>
    </message>
    <message>
        <source>its named volumes too</source>
        <translation>也删除其命名数据卷</translation>
    </message>
    <message>
        <source>this help, or a command&apos;s</source>
        <translation>本帮助，或某个命令的帮助</translation>
    </message>
    <message>
        <source>a completion script for the shell (source it from your shell&apos;s start-up file)</source>
        <translation>shell 补全脚本（在 shell 的启动文件中 source 它）</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>processes in all (each container and the tenant&apos;s own daemon are held to it)</source>
        <translation>进程总数(每个容器和租户自己的守护进程都受此限制)</translation>
    </message>
    <message>
        <source>tenants: their plan, state, a PostgreSQL role for their own console and daemons of their own</source>
        <translation>租户:其套餐、状态、用于自身控制台的 PostgreSQL 角色以及专属守护进程</translation>
    </message>
    <message>
        <source>provision, deprovision: the shared host (a saved host or an ssh:// address with root&apos;s access)</source>
        <translation>provision、deprovision:共享主机(已保存的主机,或具有 root 权限的 ssh:// 地址)</translation>
    </message>
    <message>
        <source>provision: the tenant&apos;s SSH public key</source>
        <translation>provision:租户的 SSH 公钥</translation>
    </message>
    <message>
        <source>provision: the folder of tenants&apos; homes on the host (/var/lib/wharf/tenants)</source>
        <translation>provision:主机上租户主目录所在的目录(/var/lib/wharf/tenants)</translation>
    </message>
    <message>
        <source>deprovision: remove the tenant&apos;s images, containers and volumes too</source>
        <translation>deprovision:同时删除租户的镜像、容器和数据卷</translation>
    </message>
    <message>
        <source>dedicate: the host daemon&apos;s socket (/var/run/docker.sock)</source>
        <translation>dedicate:主机守护进程的套接字(/var/run/docker.sock)</translation>
    </message>
    <message>
        <source>processes in the container at most (-1: no limit)</source>
        <translation>容器内最多的进程数(-1:不限)</translation>
    </message>
    <message>
        <source>saved hosts (TLS keys in the keychain); forget-key removes a host&apos;s SSH key from Wharf&apos;s known_hosts; import saves a tenant&apos;s endpoints from its connection profile</source>
        <translation>已保存的主机（TLS 私钥在钥匙串中）；forget-key 从 Wharf 的 known_hosts 中删除主机的 SSH 密钥；import 从租户的连接配置文件保存其端点</translation>
    </message>
    <message>
        <source>--replicas needs a number</source>
        <translation>--replicas 需要一个数字</translation>
    </message>
    <message>
        <source>--update-order is start-first or stop-first</source>
        <translation>--update-order 只能是 start-first 或 stop-first</translation>
    </message>
    <message>
        <source>--update-failure-action is rollback or pause</source>
        <translation>--update-failure-action 只能是 rollback 或 pause</translation>
    </message>
    <message>
        <source>Services (replicas behind the host&apos;s edge router)</source>
        <translation>服务（主机边缘路由器后的多个副本）</translation>
    </message>
    <message>
        <source>how many replicas run</source>
        <translation>运行的副本数</translation>
    </message>
    <message>
        <source>published at the edge router, repeatable (or published=,target=,mode=http,host=,path=)</source>
        <translation>在边缘路由器上发布，可重复（或 published=,target=,mode=http,host=,path=）</translation>
    </message>
    <message>
        <source>CPUs per replica (0.5)</source>
        <translation>每个副本的 CPU 数（0.5）</translation>
    </message>
    <message>
        <source>memory per replica (256m)</source>
        <translation>每个副本的内存（256m）</translation>
    </message>
    <message>
        <source>a shell command that says whether a replica is well</source>
        <translation>以 shell 命令判断副本是否健康</translation>
    </message>
    <message>
        <source>an HTTP GET of this path says whether a replica is well</source>
        <translation>以对此路径的 HTTP GET 判断副本是否健康</translation>
    </message>
    <message>
        <source>a TCP connection says whether a replica is well</source>
        <translation>以 TCP 连接判断副本是否健康</translation>
    </message>
    <message>
        <source>the port the HTTP or TCP check uses (default: the first published target)</source>
        <translation>HTTP 或 TCP 检查使用的端口（默认：第一个发布的目标端口）</translation>
    </message>
    <message>
        <source>no health check, not even the image&apos;s</source>
        <translation>不做健康检查，镜像自带的也不做</translation>
    </message>
    <message>
        <source>time between checks (2s)</source>
        <translation>两次检查的间隔（2s）</translation>
    </message>
    <message>
        <source>how long a check may take (2s)</source>
        <translation>每次检查的最长时间（2s）</translation>
    </message>
    <message>
        <source>failed checks before a replica is unhealthy (3)</source>
        <translation>副本被判为不健康前的失败检查次数（3）</translation>
    </message>
    <message>
        <source>time a replica has to start before failures count</source>
        <translation>副本启动后失败不计入的宽限时间</translation>
    </message>
    <message>
        <source>how long an unhealthy replica is kept before it is replaced (30s)</source>
        <translation>不健康的副本被替换前保留的时长（30s）</translation>
    </message>
    <message>
        <source>replicas replaced at a time (1)</source>
        <translation>每次替换的副本数（1）</translation>
    </message>
    <message>
        <source>time between batches of an update</source>
        <translation>更新批次之间的间隔</translation>
    </message>
    <message>
        <source>whether the new replica is ready before the old one leaves (start-first)</source>
        <translation>新副本是否在旧副本离开前就绪（start-first）</translation>
    </message>
    <message>
        <source>what a failed update does (rollback)</source>
        <translation>更新失败时的处理（rollback）</translation>
    </message>
    <message>
        <source>how long a new replica is watched for failure</source>
        <translation>观察新副本是否失败的时长</translation>
    </message>
    <message>
        <source>how the router spreads connections</source>
        <translation>路由器分配连接的方式</translation>
    </message>
    <message>
        <source>HTTP: a cookie keeps each client on its replica</source>
        <translation>HTTP：用 Cookie 让每个客户端留在同一副本上</translation>
    </message>
    <message>
        <source>connections per replica at the router (queued beyond)</source>
        <translation>路由器到每个副本的连接数上限（超出则排队）</translation>
    </message>
    <message>
        <source>how long a replica that left the pool finishes its requests (2s)</source>
        <translation>副本移出服务池后完成其请求的时长（2s）</translation>
    </message>
    <message>
        <source>what kind of service it is</source>
        <translation>服务的类别</translation>
    </message>
    <message>
        <source>do not wait for the host to get there</source>
        <translation>不等待主机达到期望状态</translation>
    </message>
    <message>
        <source>how long to wait for the host to get there</source>
        <translation>等待主机达到期望状态的时长</translation>
    </message>
    <message>
        <source>services: replicas of one image behind the host&apos;s edge router, scaled and updated without dropping a request</source>
        <translation>服务：同一镜像的多个副本位于主机边缘路由器之后，伸缩和更新都不丢失请求</translation>
    </message>
    <message>
        <source>create a service and wait until its replicas are ready</source>
        <translation>创建服务并等待其副本就绪</translation>
    </message>
    <message>
        <source>the service&apos;s name (part of its domain names)</source>
        <translation>服务名（会成为其域名的一部分）</translation>
    </message>
    <message>
        <source>override the image&apos;s entrypoint</source>
        <translation>覆盖镜像的入口点</translation>
    </message>
    <message>
        <source>the working folder</source>
        <translation>工作目录</translation>
    </message>
    <message>
        <source>run as this user</source>
        <translation>以此用户运行</translation>
    </message>
    <message>
        <source>the host&apos;s services: replicas ready and wanted, endpoints, status</source>
        <translation>主机上的服务：就绪与期望的副本数、端点、状态</translation>
    </message>
    <message>
        <source>a service&apos;s replicas</source>
        <translation>服务的副本</translation>
    </message>
    <message>
        <source>as JSON</source>
        <translation>以 JSON 输出</translation>
    </message>
    <message>
        <source>a service&apos;s desired state and replicas, as JSON</source>
        <translation>服务的期望状态和副本，以 JSON 输出</translation>
    </message>
    <message>
        <source>change how many replicas run</source>
        <translation>修改运行的副本数</translation>
    </message>
    <message>
        <source>change a service; its replicas are replaced a batch at a time</source>
        <translation>修改服务；副本分批替换</translation>
    </message>
    <message>
        <source>the new image</source>
        <translation>新镜像</translation>
    </message>
    <message>
        <source>add or change an environment variable, repeatable</source>
        <translation>添加或修改环境变量，可重复</translation>
    </message>
    <message>
        <source>remove an environment variable, repeatable</source>
        <translation>删除环境变量，可重复</translation>
    </message>
    <message>
        <source>publish nothing any more</source>
        <translation>不再发布任何端口</translation>
    </message>
    <message>
        <source>go back to the configuration before the last change</source>
        <translation>回到上次修改前的配置</translation>
    </message>
    <message>
        <source>replace every replica, a batch at a time</source>
        <translation>分批替换每个副本</translation>
    </message>
    <message>
        <source>the logs of all replicas, merged and labelled</source>
        <translation>所有副本的日志，合并并标注来源</translation>
    </message>
    <message>
        <source>the last N lines of each replica</source>
        <translation>每个副本的最后 N 行</translation>
    </message>
    <message>
        <source>only lines with this text</source>
        <translation>只显示含此文本的行</translation>
    </message>
    <message>
        <source>remove services (their replicas leave the router, drain and go)</source>
        <translation>删除服务（其副本离开路由器、排空后删除）</translation>
    </message>
    <message>
        <source>the host&apos;s edge router</source>
        <translation>主机的边缘路由器</translation>
    </message>
    <message>
        <source>the router of the host and its state</source>
        <translation>主机的路由器及其状态</translation>
    </message>
    <message>
        <source>the configuration the router serves (generated from the services)</source>
        <translation>路由器正在使用的配置（由服务生成）</translation>
    </message>
    <message>
        <source>the router&apos;s log</source>
        <translation>路由器的日志</translation>
    </message>
    <message>
        <source>the last N lines</source>
        <translation>最后 N 行</translation>
    </message>
    <message>
        <source>the router&apos;s image on the host given with -H (the router is replaced with it)</source>
        <translation>用 -H 指定的主机上路由器的镜像（路由器会换成此镜像）</translation>
    </message>
</context>
</TS>

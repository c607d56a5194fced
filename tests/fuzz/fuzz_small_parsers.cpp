// The small parsers of what people and peers type or send: image references, registry
// addresses and authentication challenges, daemon addresses, ports, volumes, sizes, restart
// policies, shell words, compose durations, the tenant host helper's output. The first byte
// picks the parser.
#include "compose/loader.h"
#include "core/shellwords.h"
#include "docker/containerspec.h"
#include "docker/endpoint.h"
#include "docker/imageref.h"
#include "fuzzsupport.h"
#include "registry/registryclient.h"
#include "ssh/hostscript.h"

using namespace Wharf::Backends;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray raw = FuzzSupport::bytes(data + 1, size - 1);
    const QString text = QString::fromUtf8(raw);
    switch (data[0] % 12) {
    case 0:
        (void)ImageRef::parse(text);
        break;
    case 1:
        (void)ImageRef::parseRepository(text);
        break;
    case 2: {
        QString scheme;
        (void)RegistryClient::parseChallenge(raw, &scheme);
        break;
    }
    case 3:
        (void)RegistryClient::parseUrl(text);
        break;
    case 4:
        (void)Endpoint::parse(text);
        break;
    case 5:
        (void)ContainerSpec::parsePort(text);
        break;
    case 6:
        (void)ContainerSpec::parseVolume(text);
        break;
    case 7:
        (void)ContainerSpec::parseMemory(text);
        (void)ContainerSpec::parseCpus(text);
        break;
    case 8: {
        QString policy;
        int retries = 0;
        (void)ContainerSpec::parseRestart(text, &policy, &retries);
        break;
    }
    case 9:
        (void)splitShellWords(text);
        (void)Compose::splitCommand(text);
        break;
    case 10:
        (void)Compose::parseBytes(text);
        (void)Compose::parseDuration(text);
        (void)Compose::parseNanoCpus(text);
        break;
    case 11:
        (void)HostScriptResult::parse(raw, QStringLiteral("endpoint"), QStringLiteral("fuzz"));
        break;
    }
    return 0;
}

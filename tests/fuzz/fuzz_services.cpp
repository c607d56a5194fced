// The services' parsers of what the database and people hand over: a service's record (JSON,
// then the router configuration it makes and the body of a replica), published endpoints,
// durations, a replica as the daemon lists it. The first byte picks the parser.
#include "fuzzsupport.h"
#include "services/edgeconfig.h"
#include "services/serviceplan.h"
#include "services/servicespec.h"

#include <QJsonDocument>

using namespace Wharf::Models::Services;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray raw = FuzzSupport::bytes(data + 1, size - 1);
    const QString text = QString::fromUtf8(raw);
    switch (data[0] % 4) {
    case 0: {
        auto spec = ServiceSpec::fromJson(raw);
        if (spec) {
            (void)spec->replicaBody(1, QStringLiteral("1"));
            (void)spec->configHash();
            (void)EdgeConfig::generate(EdgeRoute::of(*spec, {{QStringLiteral("r.1.a"), QStringLiteral("10.0.0.2"), 0}}), {});
            (void)planService(*spec, {}, {}, 0);
        }
        break;
    }
    case 1:
        (void)ServiceSpec::parsePublish(text);
        break;
    case 2:
        (void)ServiceSpec::parseDurationMs(text);
        break;
    case 3: {
        const QJsonDocument doc = QJsonDocument::fromJson(raw);
        if (doc.isObject())
            (void)Replica::fromListEntry(doc.object(), QStringLiteral("wharf-services"));
        break;
    }
    }
    return 0;
}

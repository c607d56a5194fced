#include "appplan.h"
#include "docker/containerstate.h"

#include "appspec.h"
#include "docker/imageref.h"

#include <QHash>
#include <QSet>

namespace Wharf::Models::Apps {

using namespace Backends::Compose;

ObservedContainer observedContainer(const QJsonObject &c)
{
    ObservedContainer o;
    const QJsonObject labels = c.value(QLatin1String("Labels")).toObject();
    o.id = c.value(QLatin1String("Id")).toString();
    o.name = c.value(QLatin1String("Names")).toArray().first().toString().mid(1);
    o.project = labels.value(QLatin1String(Label::Project)).toString();
    o.service = labels.value(QLatin1String(Label::Service)).toString();
    o.number = labels.value(QLatin1String(Label::Number)).toString().toInt();
    o.configHash = labels.value(QLatin1String(Label::ConfigHash)).toString();
    o.oneoff = labels.value(QLatin1String(Label::Oneoff)).toString().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
    o.wharf = labels.value(QLatin1String(Label::ManagedBy)).toString() == QLatin1String("wharf");
    o.tenant = labels.value(QLatin1String("io.wharf.tenant")).toString();
    o.state = c.value(QLatin1String("State")).toString();
    o.status = c.value(QLatin1String("Status")).toString();
    o.image = c.value(QLatin1String("Image")).toString();
    o.imageId = c.value(QLatin1String("ImageID")).toString();
    o.created = c.value(QLatin1String("Created")).toInteger();
    for (const auto &pv : c.value(QLatin1String("Ports")).toArray()) {
        const QJsonObject p = pv.toObject();
        const int pub = p.value(QLatin1String("PublicPort")).toInt();
        const QString type = p.value(QLatin1String("Type")).toString();
        const int priv = p.value(QLatin1String("PrivatePort")).toInt();
        o.ports << (pub ? QStringLiteral("%1:%2->%3/%4").arg(p.value(QLatin1String("IP")).toString()).arg(pub).arg(priv).arg(type)
                        : QStringLiteral("%1/%2").arg(priv).arg(type));
    }
    o.ports.removeDuplicates();
    return o;
}

namespace {

// One spelling per image: "busybox" and "docker.io/library/busybox:latest" are one key.
QString imageKey(const QString &reference)
{
    const auto ref = Backends::ImageRef::parse(reference);
    return ref ? ref->toString() : QString();
}

} // namespace

QString ObservedApp::imageId(const QString &reference) const
{
    const QString key = imageKey(reference);
    return key.isEmpty() ? QString() : images.value(key);
}

ObservedApp ObservedApp::fromJson(const QString &project, const QJsonArray &containers, const QJsonArray &networks, const QJsonArray &volumes,
                                  const QJsonArray &imageList)
{
    ObservedApp a;
    a.project = project;
    for (const auto &v : containers) {
        ObservedContainer c = observedContainer(v.toObject());
        if (c.project == project)
            a.containers << c;
    }
    for (const auto &n : networks)
        a.networks << n.toObject().value(QLatin1String("Name")).toString();
    for (const auto &v : volumes)
        a.volumes << v.toObject().value(QLatin1String("Name")).toString();
    for (const auto &v : imageList) {
        const QJsonObject i = v.toObject();
        const QString id = i.value(QLatin1String("Id")).toString();
        for (const char *field : {"RepoTags", "RepoDigests"})
            for (const auto &r : i.value(QLatin1String(field)).toArray())
                if (const QString key = imageKey(r.toString()); !key.isEmpty())
                    a.images.insert(key, id);
    }
    return a;
}

QString PlanStep::kindName() const
{
    switch (kind) {
    case CreateNetwork:
        return QStringLiteral("create-network");
    case CreateVolume:
        return QStringLiteral("create-volume");
    case Create:
        return QStringLiteral("create");
    case Recreate:
        return QStringLiteral("recreate");
    case Start:
        return QStringLiteral("start");
    case Unchanged:
        return QStringLiteral("unchanged");
    case Remove:
        return QStringLiteral("remove");
    case Pull:
        return QStringLiteral("pull");
    case Build:
        return QStringLiteral("build");
    }
    return {};
}

bool DeployPlan::changesNothing() const
{
    return error.isEmpty() && std::all_of(steps.cbegin(), steps.cend(), [](const PlanStep &s) { return s.kind == PlanStep::Unchanged; });
}

int DeployPlan::count(PlanStep::Kind kind) const
{
    return int(std::count_if(steps.cbegin(), steps.cend(), [kind](const PlanStep &s) { return s.kind == kind; }));
}

QList<PlanStep> DeployPlan::stepsFor(const QString &service) const
{
    QList<PlanStep> out;
    for (const auto &s : steps)
        if (s.service == service)
            out << s;
    return out;
}

QString DeployPlan::summary() const
{
    QStringList parts;
    if (const int n = count(PlanStep::Pull))
        parts << (n == 1 ? tr("1 image to pull") : tr("%1 images to pull").arg(n));
    if (const int n = count(PlanStep::Build))
        parts << (n == 1 ? tr("1 image to build") : tr("%1 images to build").arg(n));
    const int created = count(PlanStep::Create) + count(PlanStep::CreateNetwork) + count(PlanStep::CreateVolume);
    if (created)
        parts << tr("%1 to create").arg(created);
    if (count(PlanStep::Recreate))
        parts << tr("%1 to recreate").arg(count(PlanStep::Recreate));
    if (count(PlanStep::Start))
        parts << tr("%1 to start").arg(count(PlanStep::Start));
    if (count(PlanStep::Remove))
        parts << tr("%1 to remove").arg(count(PlanStep::Remove));
    if (count(PlanStep::Unchanged))
        parts << tr("%1 unchanged").arg(count(PlanStep::Unchanged));
    return parts.isEmpty() ? tr("nothing to do") : parts.join(QStringLiteral(", "));
}

QString DeployPlan::toText() const
{
    QString out;
    for (const PlanStep &s : steps) {
        const char *mark = s.kind == PlanStep::Unchanged ? "=" : s.kind == PlanStep::Recreate ? "~" : s.kind == PlanStep::Remove ? "-" : s.kind == PlanStep::Start ? ">"
            : s.kind == PlanStep::Pull || s.kind == PlanStep::Build                                                                     ? "*"
                                                                                                                                         : "+";
        QString what;
        switch (s.kind) {
        case PlanStep::CreateNetwork:
            what = tr("network %1").arg(s.name);
            break;
        case PlanStep::CreateVolume:
            what = tr("volume %1").arg(s.name);
            break;
        case PlanStep::Pull:
        case PlanStep::Build:
            what = tr("image %1").arg(s.name);
            break;
        default:
            what = s.name;
        }
        out += QLatin1String(mark) + QLatin1Char(' ') + what + QStringLiteral(" (") + s.kindName()
            + (s.reason.isEmpty() ? QString() : QStringLiteral(": ") + s.reason) + QStringLiteral(")\n");
    }
    out += summary() + QLatin1Char('\n');
    return out;
}

QJsonObject DeployPlan::toJson() const
{
    QJsonArray list;
    for (const PlanStep &s : steps)
        list.append(QJsonObject{{QStringLiteral("action"), s.kindName()},
                                {QStringLiteral("service"), s.service},
                                {QStringLiteral("number"), s.number},
                                {QStringLiteral("name"), s.name},
                                {QStringLiteral("container"), s.container},
                                {QStringLiteral("reason"), s.reason}});
    QJsonObject o{{QStringLiteral("app"), project}, {QStringLiteral("steps"), list}, {QStringLiteral("summary"), summary()},
                  {QStringLiteral("changesNothing"), changesNothing()}};
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    return o;
}

QStringList dependencyOrder(const Project &project)
{
    QStringList order;
    QSet<QString> done;
    QSet<QString> onPath;
    std::function<void(const ServiceConfig &)> visit = [&](const ServiceConfig &s) {
        if (done.contains(s.name) || onPath.contains(s.name))
            return;
        onPath.insert(s.name);
        QStringList deps;
        for (const auto &d : s.dependsOn)
            deps << d.service;
        for (const QString &l : s.links)
            deps << l.section(QLatin1Char(':'), 0, 0);
        for (const QString &v : s.volumesFrom)
            if (!v.startsWith(QLatin1String("container:")))
                deps << v.section(QLatin1Char(':'), 0, 0);
        if (s.networkMode.startsWith(QLatin1String("service:")))
            deps << s.networkMode.mid(8);
        for (const QString &d : deps)
            if (const ServiceConfig *ds = project.service(d))
                visit(*ds);
        onPath.remove(s.name);
        done.insert(s.name);
        order << s.name;
    };
    for (const auto &s : project.services)
        visit(s);
    return order;
}

DeployPlan planDeploy(const Project &project, const ObservedApp &observed, const PlanOptions &options)
{
    DeployPlan plan;
    plan.project = project.name;
    plan.serviceOrder = dependencyOrder(project);
    for (const NetworkConfig &n : project.networks) {
        const bool used = n.key != QLatin1String("default") || std::any_of(project.services.cbegin(), project.services.cend(), [](const ServiceConfig &s) {
            return s.networkMode.isEmpty() && (s.networks.isEmpty() || std::any_of(s.networks.cbegin(), s.networks.cend(), [](const NetworkAttachment &a) {
                return a.network == QLatin1String("default");
            }));
        });
        if (!used || observed.networks.contains(n.name))
            continue;
        if (n.external) {
            plan.error = DeployPlan::tr("the external network %1 does not exist on this host; create it first").arg(n.name);
            continue;
        }
        plan.steps << PlanStep{PlanStep::CreateNetwork, {}, 0, n.name, {}, {}};
    }
    for (const VolumeConfig &v : project.volumes) {
        if (observed.volumes.contains(v.name))
            continue;
        if (v.external) {
            plan.error = DeployPlan::tr("the external volume %1 does not exist on this host; create it first").arg(v.name);
            continue;
        }
        plan.steps << PlanStep{PlanStep::CreateVolume, {}, 0, v.name, {}, {}};
    }
    // The images first: what is missing is pulled, or built from the service's build:.
    QSet<QString> newImage; // services whose image a pull or build may replace
    QSet<QString> imageSteps;
    for (const QString &name : plan.serviceOrder) {
        const ServiceConfig &s = *project.service(name);
        const QString image = serviceImage(project, s);
        const QString policy = s.pullPolicy;
        const bool present = !observed.imageId(image).isEmpty();
        const bool build = s.build && (policy == QLatin1String("build") || options.build || (!present && policy != QLatin1String("always")));
        const bool pull = !build && (policy == QLatin1String("always") || (options.pull && !s.build) || (!present && policy != QLatin1String("never")));
        if (!present && !build && policy == QLatin1String("never")) {
            plan.error = DeployPlan::tr("service %1: the image %2 is not on this host and its pull_policy is never").arg(name, image);
            continue;
        }
        if (!build && !pull)
            continue;
        newImage.insert(name);
        // one pull or build for services that share an image
        if (imageSteps.contains(image))
            continue;
        imageSteps.insert(image);
        const QString reason = !present               ? DeployPlan::tr("not on this host")
            : policy == QLatin1String("always") || policy == QLatin1String("build") ? QStringLiteral("pull_policy: %1").arg(policy)
            : build                                   ? DeployPlan::tr("build requested")
                                                      : DeployPlan::tr("pull requested");
        plan.steps << PlanStep{build ? PlanStep::Build : PlanStep::Pull, name, 0, image, {}, reason, observed.imageId(image)};
    }
    for (const QString &name : plan.serviceOrder) {
        const ServiceConfig &s = *project.service(name);
        const QString hash = configHash(project, name);
        const QString legacy = legacyConfigHash(project, name);
        auto current = [&hash, &legacy](const ObservedContainer &c) { return c.configHash == hash || c.configHash == legacy; };
        const QString wantedImage = newImage.contains(name) ? QString() : observed.imageId(serviceImage(project, s));
        // the containers by number; of two with one number (a deploy cut short), the
        // one with the wanted configuration that runs stays
        QMap<int, ObservedContainer> byNumber;
        QList<ObservedContainer> extra;
        for (const ObservedContainer &c : observed.containers) {
            if (c.service != name || c.oneoff)
                continue;
            auto it = byNumber.find(c.number);
            if (it == byNumber.end()) {
                byNumber.insert(c.number, c);
                continue;
            }
            auto score = [&current](const ObservedContainer &x) { return (current(x) ? 2 : 0) + (Backends::containerState(x.state) == Backends::ContainerState::Running ? 1 : 0); };
            if (score(c) > score(*it) || (score(c) == score(*it) && c.created > it->created)) {
                extra << *it;
                *it = c;
            } else {
                extra << c;
            }
        }
        for (int n = 1; n <= s.replicas; ++n) {
            const QString cname = containerName(project, s, n);
            auto it = byNumber.find(n);
            if (it == byNumber.end()) {
                plan.steps << PlanStep{PlanStep::Create, name, n, cname, {}, {}};
                continue;
            }
            if (!current(*it))
                plan.steps << PlanStep{PlanStep::Recreate, name, n, cname, it->id, DeployPlan::tr("configuration changed")};
            else if (!wantedImage.isEmpty() && !it->imageId.isEmpty() && it->imageId != wantedImage)
                plan.steps << PlanStep{PlanStep::Recreate, name, n, cname, it->id, DeployPlan::tr("the image changed")};
            else if (Backends::containerState(it->state) != Backends::ContainerState::Running)
                plan.steps << PlanStep{PlanStep::Start, name, n, cname, it->id, DeployPlan::tr("it is %1").arg(it->state), it->imageId};
            else
                plan.steps << PlanStep{PlanStep::Unchanged, name, n, cname, it->id, {}, it->imageId};
            byNumber.erase(it);
        }
        for (const ObservedContainer &c : byNumber)
            plan.steps << PlanStep{PlanStep::Remove, name, c.number, c.name, c.id, DeployPlan::tr("scaled down to %1").arg(s.replicas)};
        for (const ObservedContainer &c : extra)
            plan.steps << PlanStep{PlanStep::Remove, name, c.number, c.name, c.id, DeployPlan::tr("a second container with number %1").arg(c.number)};
    }
    // depends_on with restart: true: an unchanged container restarts when what it depends on changes
    for (PlanStep &step : plan.steps) {
        const ServiceConfig *s = step.kind == PlanStep::Unchanged ? project.service(step.service) : nullptr;
        if (!s)
            continue;
        QStringList changing;
        for (const Dependency &d : s->dependsOn)
            if (d.restart && std::any_of(plan.steps.cbegin(), plan.steps.cend(), [&d](const PlanStep &o) {
                    return o.service == d.service && o.kind != PlanStep::Unchanged && o.kind != PlanStep::Pull && o.kind != PlanStep::Build;
                }))
                changing << d.service;
        if (!changing.isEmpty())
            step.reason = DeployPlan::tr("restarts, as %1 changes").arg(changing.join(QStringLiteral(", ")));
    }
    for (const ObservedContainer &c : observed.containers) {
        if (c.oneoff || project.service(c.service) || project.disabledServices.contains(c.service))
            continue;
        plan.steps << PlanStep{PlanStep::Remove, c.service, c.number, c.name, c.id, DeployPlan::tr("service %1 is no longer in the file").arg(c.service)};
    }
    return plan;
}

} // namespace Wharf::Models::Apps

package io.jenkins.plugins.ecsfargate.engine.launch;

import io.jenkins.plugins.ecsfargate.emulator.AwsService;
import io.jenkins.plugins.ecsfargate.emulator.EmulatorRequest;
import io.jenkins.plugins.ecsfargate.emulator.EmulatorResponse;
import java.util.concurrent.atomic.AtomicInteger;

/** Just enough Cloud Map (DiscoverInstances over awsJson1_1) to resolve a tunnel; answers a fixed instance list. */
final class StubCloudMap implements AwsService {
    private final AtomicInteger discoveries = new AtomicInteger();
    private volatile String instancesJson = "[]";

    void answer(String json) {
        instancesJson = json;
    }

    int discoveries() {
        return discoveries.get();
    }

    @Override
    public String name() {
        return "servicediscovery";
    }

    @Override
    public boolean accepts(EmulatorRequest request) {
        String target = request.header("x-amz-target");
        return target != null && target.startsWith("Route53AutoNaming_v20170314.");
    }

    @Override
    public String operation(EmulatorRequest request) {
        return request.header("x-amz-target").substring("Route53AutoNaming_v20170314.".length());
    }

    @Override
    public EmulatorResponse handle(String operation, EmulatorRequest request) {
        if (!"DiscoverInstances".equals(operation)) {
            return error(400, "InvalidInput", "not emulated");
        }
        if (!request.bodyText().contains("\"NamespaceName\":\"ci.local\"")) {
            return error(400, "NamespaceNotFound", "Namespace not found");
        }
        discoveries.incrementAndGet();
        return EmulatorResponse.of(
                200, "application/x-amz-json-1.1", "{\"Instances\":" + instancesJson + ",\"InstancesRevision\":1}");
    }

    @Override
    public EmulatorResponse error(int status, String code, String message) {
        return EmulatorResponse.of(
                status, "application/x-amz-json-1.1", "{\"__type\":\"" + code + "\",\"Message\":\"" + message + "\"}");
    }
}

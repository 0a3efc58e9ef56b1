package io.jenkins.plugins.ecsfargate.jenkins.forms;

import io.jenkins.plugins.ecsfargate.emulator.AwsService;
import io.jenkins.plugins.ecsfargate.emulator.EmulatorRequest;
import io.jenkins.plugins.ecsfargate.emulator.EmulatorResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ECS ListClusters over awsJson1_1, in pages of two so that paging is exercised. Registered before the emulator's
 * ECS service (which does not answer ListClusters), it answers only that operation.
 */
final class ListClustersService implements AwsService {
    private static final String TARGET = "AmazonEC2ContainerServiceV20141113.ListClusters";
    private static final Pattern NEXT_TOKEN = Pattern.compile("\"nextToken\"\\s*:\\s*\"(\\d+)\"");
    private static final int PAGE = 2;

    private final List<String> clusterArns;

    ListClustersService(List<String> clusterArns) {
        this.clusterArns = List.copyOf(clusterArns);
    }

    @Override
    public String name() {
        return "ecs-list-clusters";
    }

    @Override
    public boolean accepts(EmulatorRequest request) {
        return TARGET.equals(request.header("x-amz-target"));
    }

    @Override
    public String operation(EmulatorRequest request) {
        return "ListClusters";
    }

    @Override
    public EmulatorResponse handle(String operation, EmulatorRequest request) {
        Matcher token = NEXT_TOKEN.matcher(request.bodyText());
        int from = token.find() ? Integer.parseInt(token.group(1)) : 0;
        int to = Math.min(from + PAGE, clusterArns.size());
        StringBuilder json = new StringBuilder("{\"clusterArns\":[");
        for (int i = from; i < to; i++) {
            json.append(i == from ? "" : ",")
                    .append('"')
                    .append(clusterArns.get(i))
                    .append('"');
        }
        json.append(']');
        if (to < clusterArns.size()) {
            json.append(",\"nextToken\":\"").append(to).append('"');
        }
        return EmulatorResponse.of(
                200, "application/x-amz-json-1.1", json.append('}').toString());
    }

    @Override
    public EmulatorResponse error(int status, String code, String message) {
        return EmulatorResponse.of(
                status, "application/x-amz-json-1.1", "{\"__type\":\"" + code + "\",\"message\":\"" + message + "\"}");
    }
}

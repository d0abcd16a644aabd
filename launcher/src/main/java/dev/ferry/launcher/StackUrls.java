package dev.ferry.launcher;

import java.io.PrintWriter;
import java.util.List;

/** Prints where everything of a running stack is. */
final class StackUrls {
    private StackUrls() {
    }

    static void print(PrintWriter out, Ports ports, List<EnvironmentOption> environments, Workspace workspace) {
        String coordinator = ports.coordinatorUrl();
        out.println("Ferry is running:");
        row(out, "Coordinator API", coordinator + "/migrations");
        row(out, "Swagger UI", coordinator + "/q/swagger-ui");
        row(out, "OpenAPI", coordinator + "/q/openapi");
        row(out, "Metrics", coordinator + "/q/metrics  " + StackDefinition.origin(ports.extractor()) + "/q/metrics  "
                + StackDefinition.origin(ports.loader()) + "/q/metrics");
        row(out, "Health", coordinator + "/q/health  (extractor :" + ports.extractor() + ", loader :" + ports.loader() + ")");
        row(out, "Source (OData)", StackDefinition.serviceRoot(ports.source()));
        row(out, "Source (admin)", StackDefinition.adminUrl(ports.source()) + "tables");
        row(out, "Target (OData)", StackDefinition.serviceRoot(ports.target()));
        row(out, "Target (admin)", StackDefinition.adminUrl(ports.target()) + "tables");
        for (EnvironmentOption environment : environments) {
            row(out, "Env " + environment.name(), environment.url());
        }
        row(out, "Kafka broker", ports.kafkaBootstrap());
        row(out, "Logs", workspace.display(workspace.logs()) + "/");
        out.println("Run a plan with ./ferry migrate PLAN.json, see runs with ./ferry status, stop with ./ferry down.");
        out.flush();
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf("  %-16s %s%n", label, value);
    }
}

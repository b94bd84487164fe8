package org.relationshipledger.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.relationshipledger.core.envelope.LedgerJson;

import com.fasterxml.jackson.databind.SerializationFeature;

/** Writes {@code results/<date>.json} and {@code results/<date>.md}, and prints the table. */
final class Report {

    private Report() {
    }

    static String machine(String infrastructure) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return String.format(Locale.ROOT, "%d cores, %.0f GiB RAM, %s %s, Java %s (%s); %s",
                os.getAvailableProcessors(), os.getTotalMemorySize() / (1024.0 * 1024 * 1024), os.getName(),
                os.getArch(), Runtime.version(), System.getProperty("java.vm.name"), infrastructure);
    }

    static Path write(Path directory, String machine, List<Figure> figures) throws IOException {
        Files.createDirectories(directory);
        String stamp = Instant.now().toString().substring(0, 19).replace(':', '-');
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("measuredAt", Instant.now().toString());
        json.put("machine", machine);
        json.put("figures", figures);
        Path jsonFile = directory.resolve(stamp + ".json");
        Files.writeString(jsonFile, LedgerJson.mapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(json));
        Files.writeString(directory.resolve(stamp + ".md"), markdown(machine, figures));
        return jsonFile;
    }

    static String markdown(String machine, List<Figure> figures) {
        StringBuilder table = new StringBuilder();
        table.append("Machine: ").append(machine).append("\n\n");
        table.append("| # | figure | value | baseline (same run) | ratio | target | met | note |\n");
        table.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Figure figure : figures) {
            table.append(String.format(Locale.ROOT, "| %s | %s | %s %s | %s | %s | %s | %s | %s |%n",
                    figure.id(), figure.name(), number(figure.value()), figure.unit(),
                    Double.isNaN(figure.baseline()) ? "—" : number(figure.baseline()) + " " + figure.unit() + " ("
                            + figure.baselineName() + ")",
                    Double.isNaN(figure.ratio()) ? "—" : String.format(Locale.ROOT, "%.2f", figure.ratio()),
                    figure.target(), figure.met() ? "yes" : "**no**", figure.note()));
        }
        return table.toString();
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.3f", value);
    }
}

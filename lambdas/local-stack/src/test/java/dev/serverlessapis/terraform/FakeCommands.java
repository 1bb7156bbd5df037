package dev.serverlessapis.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Stand-ins for terraform and aws, so the deploy scripts can be run without AWS: each fake answers the calls whose
 * arguments contain a given text, first match first, and logs every call. The scripts run with a PATH of these fakes
 * and the system's basic tools only, and an empty HOME, so no real credentials or binaries are found.
 */
final class FakeCommands {
    /** The project's scripts (doctor, deploy, await-stage, smoke). */
    static final Path SCRIPTS = Terraform.ROOT.getParent().resolve("scripts");

    record Answer(String argumentsContain, int status, String stdout, String stderr) {
    }

    record Run(int status, String stdout, String stderr) {
        List<String> lines() {
            return stdout.lines().toList();
        }

        String lastLine() {
            return lines().getLast();
        }
    }

    private final Path folder;
    private final Map<String, List<Answer>> answers = new LinkedHashMap<>();
    private final Map<String, String> environment = new HashMap<>();

    FakeCommands(Path folder) {
        this.folder = folder;
    }

    /** Fakes in a folder of their own under {@code work}. */
    static FakeCommands in(Path work) throws IOException {
        return new FakeCommands(Files.createDirectories(work.resolve("fakes")));
    }

    /** An environment as the scripts find it once deployed: a folder under {@code work} with the repository's tfvars. */
    static Path deployed(String environment, Path work) throws IOException {
        var folder = Files.createDirectories(work.resolve(environment));
        Files.copy(Terraform.environment(environment).resolve("terraform.tfvars"), folder.resolve("terraform.tfvars"));
        return folder;
    }

    /** Answers calls of the command whose arguments contain the text; an answer given later takes precedence. */
    FakeCommands answer(String command, String argumentsContain, int status, String stdout, String stderr) {
        answers.computeIfAbsent(command, name -> new ArrayList<>()).addFirst(new Answer(argumentsContain, status, stdout, stderr));
        return this;
    }

    FakeCommands answer(String command, String argumentsContain, String stdout) {
        return answer(command, argumentsContain, 0, stdout, "");
    }

    FakeCommands without(String command) {
        answers.remove(command);
        return this;
    }

    FakeCommands environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /**
     * Every call the fakes received, as "command arguments...", in order; after a call, each of its {@code file://}
     * arguments on a line of its own, indented: "  file://path holds content".
     */
    List<String> calls() {
        var log = folder.resolve("calls");
        try {
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    Run run(String script, String... arguments) throws IOException, InterruptedException {
        var bin = Files.createDirectories(folder.resolve("bin"));
        var home = Files.createDirectories(folder.resolve("home"));
        for (var command : answers.entrySet()) {
            var fake = bin.resolve(command.getKey());
            Files.writeString(fake, script(command.getKey(), command.getValue()));
            Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        var command = new ArrayList<String>();
        command.add("/bin/bash");
        command.add(SCRIPTS.resolve(script).toString());
        command.addAll(List.of(arguments));
        var builder = new ProcessBuilder(command).directory(folder.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        builder.environment().put("HOME", home.toString());
        builder.environment().put("LANG", "C.UTF-8");
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        var stderr = folder.resolve("stderr");
        builder.redirectError(stderr.toFile());
        var process = builder.start();
        var stdout = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(script + " did not finish within 120 s:\n" + stdout);
        }
        return new Run(process.exitValue(), stdout, Files.readString(stderr));
    }

    private String script(String name, List<Answer> answers) {
        var script = new StringBuilder("#!/bin/bash\n")
                .append("echo \"").append(name).append(" $*\" >> '").append(folder.resolve("calls")).append("'\n")
                // What a parameter given as file://... holds (the AWS CLI reads such a file for the value), as its own line.
                .append("for argument in \"$@\"; do case \"$argument\" in file://*) echo \"  $argument holds $(cat \"${argument#file://}\")\" >> '")
                .append(folder.resolve("calls")).append("' ;; esac; done\n")
                .append("case \"$*\" in\n");
        for (var answer : answers) {
            if (answer.argumentsContain().contains("'")) {
                throw new IllegalArgumentException("no single quotes in a fake's match: " + answer.argumentsContain());
            }
            script.append("  *'").append(answer.argumentsContain()).append("'*)\n");
            if (!answer.stdout().isEmpty()) {
                script.append("    cat <<'FAKE_OUT'\n").append(answer.stdout()).append("\nFAKE_OUT\n");
            }
            if (!answer.stderr().isEmpty()) {
                script.append("    cat >&2 <<'FAKE_ERR'\n").append(answer.stderr()).append("\nFAKE_ERR\n");
            }
            script.append("    exit ").append(answer.status()).append(" ;;\n");
        }
        return script.append("  *) echo \"fake ").append(name).append(": no answer for: $*\" >&2; exit 97 ;;\nesac\n").toString();
    }
}

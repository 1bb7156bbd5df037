package dev.serverlessapis.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The project's Terraform, read from {@code terraform/}: one configuration folder (module or environment) at a time. */
final class Terraform {
    static final Path ROOT = Path.of(System.getProperty("project.root", "../..")).toAbsolutePath().normalize().resolve("terraform");

    static Path module(String name) {
        return ROOT.resolve("modules").resolve(name);
    }

    static Path environment(String name) {
        return ROOT.resolve("environments").resolve(name);
    }

    static List<Path> environments() {
        return folders(ROOT.resolve("environments"));
    }

    /** The account-wide settings, applied once per account and region before any environment. */
    static Path account() {
        return ROOT.resolve("account");
    }

    /** Every root configuration: the account settings and each environment. */
    static List<Path> roots() {
        var roots = new ArrayList<Path>();
        roots.add(account());
        roots.addAll(environments());
        return roots;
    }

    static List<Path> configurationFolders() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(file -> file.toString().endsWith(".tf")).map(Path::getParent).distinct().sorted()
                    .filter(folder -> !folder.toString().contains(".terraform")).toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** Every top-level block of every .tf file of the folder. */
    static List<Hcl.Block> blocks(Path folder) {
        var blocks = new ArrayList<Hcl.Block>();
        for (var file : files(folder, ".tf")) {
            blocks.addAll(Hcl.parse(read(file)).blocks());
        }
        return blocks;
    }

    static Hcl.Body resource(Path folder, String type, String name) {
        return blocks(folder).stream()
                .filter(block -> block.type().equals("resource") && block.label(0).equals(type) && block.label(1).equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(folder + " has no resource " + type + "." + name)).body();
    }

    static Hcl.Body data(Path folder, String type, String name) {
        return blocks(folder).stream()
                .filter(block -> block.type().equals("data") && block.label(0).equals(type) && block.label(1).equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(folder + " has no data " + type + "." + name)).body();
    }

    static List<Hcl.Block> resources(Path folder, String type) {
        return blocks(folder).stream()
                .filter(block -> block.type().equals("resource") && block.label(0).equals(type)).toList();
    }

    static List<Hcl.Block> all(Path folder, String blockType) {
        return blocks(folder).stream().filter(block -> block.type().equals(blockType)).toList();
    }

    static Hcl.Body named(Path folder, String blockType, String name) {
        return all(folder, blockType).stream().filter(block -> block.label(0).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(folder + " has no " + blockType + " " + name)).body();
    }

    /** The locals of the folder, all blocks merged. */
    static Hcl.Body locals(Path folder) {
        var attributes = new java.util.LinkedHashMap<String, String>();
        all(folder, "locals").forEach(block -> attributes.putAll(block.body().attributes()));
        return new Hcl.Body(attributes, List.of());
    }

    /** The attributes of terraform.tfvars, where there is one. */
    static Hcl.Body tfvars(Path environment) {
        return Hcl.parse(read(environment.resolve("terraform.tfvars")));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static List<Path> folders(Path parent) {
        try (Stream<Path> entries = Files.list(parent)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static List<Path> files(Path folder, String suffix) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(file -> file.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}

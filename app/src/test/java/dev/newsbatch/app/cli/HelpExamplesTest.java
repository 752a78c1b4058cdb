package dev.newsbatch.app.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every example line of every command's {@code --help} is one complete command that can be copied:
 * not wrapped by the usage width, and parsed by the command line itself without error.
 */
class HelpExamplesTest {
    @Test
    void everyExampleLineIsACompleteCommandThatParses() {
        List<CommandLine> all = new ArrayList<>();
        collect(Main.commandLine(), all);
        int examples = 0;
        for (CommandLine c : all) {
            String name = c.getCommandSpec().qualifiedName();
            int width = c.getUsageHelpWidth();
            List<String> lines = examples(c.getUsageMessage());
            assertFalse(lines.isEmpty(), name + " has no example");
            for (String line : lines) {
                assertTrue(line.length() <= width, name + ": example longer than the usage width " + width
                        + ", so it would wrap: " + line);
                String command = line.strip();
                int comment = command.indexOf("   (");
                if (comment > 0) {
                    command = command.substring(0, comment);
                }
                if (command.startsWith("source <(newsbatch ") && command.endsWith(")")) {
                    command = command.substring("source <(".length(), command.length() - 1);   // a shell's own form
                }
                int redirect = command.indexOf(" > ");
                if (redirect > 0) {
                    command = command.substring(0, redirect);   // output written to a file by the shell
                }
                int pipe = command.lastIndexOf(" | newsbatch ");
                if (pipe > 0) {
                    command = command.substring(pipe + 3);   // input piped in: the command is after the pipe
                }
                List<String> words = words(command);
                while (!words.isEmpty() && words.get(0).matches("[A-Z_]+=.*")) {
                    words.remove(0);   // an environment variable set for the command
                }
                if (!words.isEmpty() && words.get(0).equals("curl")) {
                    continue;
                }
                assertTrue(!words.isEmpty() && words.get(0).equals("newsbatch"), name + ": example is not a "
                        + "newsbatch command (wrapped?): " + line);
                String[] args = words.subList(1, words.size()).toArray(String[]::new);
                String shown = line;
                assertDoesNotThrow(() -> Main.commandLine().parseArgs(args), name + ": example does not parse: "
                        + shown);
                examples++;
            }
        }
        assertTrue(examples >= 20, "examples checked: " + examples);
    }

    /** The indented lines under "Example:" or "Examples:", up to the next blank line. */
    static List<String> examples(String help) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : help.split("\\R")) {
            if (line.equals("Example:") || line.equals("Examples:")) {
                in = true;
            } else if (line.isBlank()) {
                in = false;
            } else if (in) {
                out.add(line);
            }
        }
        return out;
    }

    /** Shell words: split at spaces, single quotes kept together and removed. */
    private static List<String> words(String command) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char ch : command.toCharArray()) {
            if (ch == '\'') {
                quoted = !quoted;
                any = true;
            } else if (ch == ' ' && !quoted) {
                if (any || w.length() > 0) {
                    out.add(w.toString());
                }
                w.setLength(0);
                any = false;
            } else {
                w.append(ch);
            }
        }
        if (any || w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }

    private static void collect(CommandLine c, List<CommandLine> into) {
        into.add(c);
        c.getSubcommands().values().forEach(s -> collect(s, into));
    }
}

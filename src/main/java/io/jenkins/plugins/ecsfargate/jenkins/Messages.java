package io.jenkins.plugins.ecsfargate.jenkins;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * User-facing strings of the adapter, read from {@code Messages.properties} beside this class so that every
 * message shown in a form or a log has one place to be reviewed and translated.
 */
public final class Messages {
    private static final String BUNDLE = "io.jenkins.plugins.ecsfargate.jenkins.Messages";

    private Messages() {}

    /** The message for {@code key}, formatted with {@code args} in {@link MessageFormat} syntax. */
    public static String format(String key, Object... args) {
        String pattern = ResourceBundle.getBundle(BUNDLE, Locale.getDefault()).getString(key);
        return new MessageFormat(pattern, Locale.getDefault()).format(args);
    }

    /** Display name of the cloud type in Manage Jenkins &gt; Clouds. */
    public static String cloudDisplayName() {
        return format("EcsCloud.displayName");
    }
}

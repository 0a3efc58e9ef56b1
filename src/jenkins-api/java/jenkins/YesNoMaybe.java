// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package jenkins;

public enum YesNoMaybe {
    YES,
    NO,
    MAYBE
}

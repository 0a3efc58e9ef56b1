// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.model.listeners;

import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.model.Item;

public class ItemListener implements ExtensionPoint {
    public void onCreated(Item item) {}

    public void onLoaded() {}

    public void onDeleted(Item item) {}

    public void onUpdated(Item item) {}

    public void onBeforeShutdown() {}

    public static ExtensionList<ItemListener> all() {
        return ExtensionList.lookup(ItemListener.class);
    }
}

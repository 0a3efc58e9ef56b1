package io.jenkins.plugins.ecsfargate.architecture;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes a compiled class refers to, read from its constant pool: class entries and the type descriptors of
 * fields, methods and signatures. Reading bytecode rather than source catches fully qualified uses and inherited
 * types that an import scan would miss, and ignores string literals that merely look like package names.
 */
final class ClassReferences {
    private static final Pattern DESCRIPTOR_TYPE = Pattern.compile("L([\\w/$]+)[;<]");

    private ClassReferences() {}

    /** Internal names (slash-separated) of every class the given class file refers to. */
    static Set<String> of(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNameIndex = new int[count];
        int[] descriptorIndex = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNameIndex[i] = in.readUnsignedShort();
                case 16 -> descriptorIndex[i] = in.readUnsignedShort();
                case 12 -> {
                    in.readUnsignedShort();
                    descriptorIndex[i] = in.readUnsignedShort();
                }
                case 8, 19, 20 -> in.readUnsignedShort();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 3, 4, 9, 10, 11, 17, 18 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        Set<String> references = new TreeSet<>();
        for (int i = 1; i < count; i++) {
            if (classNameIndex[i] != 0) {
                String name = utf8[classNameIndex[i]];
                if (name.startsWith("[")) {
                    addDescriptorTypes(name, references);
                } else {
                    references.add(name);
                }
            }
            if (descriptorIndex[i] != 0) {
                addDescriptorTypes(utf8[descriptorIndex[i]], references);
            }
        }
        for (String value : utf8) {
            if (value != null && (value.startsWith("(") || value.startsWith("L") || value.startsWith("<"))) {
                addDescriptorTypes(value, references);
            }
        }
        return references;
    }

    private static void addDescriptorTypes(String descriptor, Set<String> references) {
        Matcher matcher = DESCRIPTOR_TYPE.matcher(descriptor);
        while (matcher.find()) {
            references.add(matcher.group(1));
        }
    }
}

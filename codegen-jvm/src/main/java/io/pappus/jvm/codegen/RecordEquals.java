package io.pappus.jvm.codegen;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Whether a record's {@code equals} is the one javac writes for it (component by component,
 * through {@code ObjectMethods}) rather than the user's own. Reflection cannot tell them apart,
 * so this reads the class file: the implicit method's code is exactly
 * {@code aload_0; aload_1; invokedynamic; ireturn}, which no Java source can spell.
 */
final class RecordEquals {
    private static final ClassValue<Boolean> IMPLICIT = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> c) {
            return read(c);
        }
    };

    private RecordEquals() {
    }

    /** @return whether {@code c}'s equals is javac's implicit record equals (false when unreadable) */
    static boolean implicit(Class<?> c) {
        return IMPLICIT.get(c);
    }

    private static boolean read(Class<?> c) {
        ClassLoader loader = c.getClassLoader() != null ? c.getClassLoader() : ClassLoader.getSystemClassLoader();
        try (InputStream raw = loader.getResourceAsStream(c.getName().replace('.', '/') + ".class")) {
            return raw != null && scan(new DataInputStream(raw));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean scan(DataInputStream d) throws IOException {
        d.readInt();
        d.readInt();
        int count = d.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = d.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = d.readUTF();
                case 5, 6 -> {
                    d.skipNBytes(8);
                    i++;
                }
                case 7, 8, 16, 19, 20 -> d.skipNBytes(2);
                case 15 -> d.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> d.skipNBytes(4);
                default -> throw new IOException("constant tag " + tag);
            }
        }
        d.skipNBytes(6);
        d.skipNBytes(2L * d.readUnsignedShort());
        skipMembers(d);
        int methods = d.readUnsignedShort();
        for (int m = 0; m < methods; m++) {
            d.skipNBytes(2);
            boolean equals = "equals".equals(utf8[d.readUnsignedShort()])
                    & "(Ljava/lang/Object;)Z".equals(utf8[d.readUnsignedShort()]);
            int attributes = d.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String name = utf8[d.readUnsignedShort()];
                int length = d.readInt();
                if (equals && "Code".equals(name)) {
                    byte[] body = d.readNBytes(length);
                    return isIndyEquals(body);
                }
                d.skipNBytes(length);
            }
        }
        return false;
    }

    /** @param body a Code attribute: max_stack, max_locals, code_length, code, ... */
    private static boolean isIndyEquals(byte[] body) {
        int length = (body[4] & 0xff) << 24 | (body[5] & 0xff) << 16 | (body[6] & 0xff) << 8 | body[7] & 0xff;
        return length == 8 && body[8] == 0x2a && body[9] == 0x2b && (body[10] & 0xff) == 0xba && body[13] == 0
                && body[14] == 0 && (body[15] & 0xff) == 0xac;
    }

    private static void skipMembers(DataInputStream d) throws IOException {
        int n = d.readUnsignedShort();
        for (int i = 0; i < n; i++) {
            d.skipNBytes(6);
            int attributes = d.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                d.skipNBytes(2);
                d.skipNBytes(d.readInt());
            }
        }
    }
}

package io.carehub.commons.validation;

/**
 * One field of a request body: its wire name, type, whether Create requires it and whether Update may
 * change it. Built fluently: {@code Field.of("email", Types.EMAIL).required()}.
 */
public record Field(String name, FieldType type, boolean mandatory, boolean updatable) {

    public static Field of(String name, FieldType type) {
        return new Field(name, type, false, true);
    }

    public Field required() {
        return new Field(name, type, true, updatable);
    }

    /** Set on Create only: an Update that names it is refused. */
    public Field createOnly() {
        return new Field(name, type, mandatory, false);
    }
}

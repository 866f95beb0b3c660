package io.carehub.commons.errors;

import java.util.Map;

/**
 * One entry of the {@code errors} list: {@code {status, code, title, detail, extra}}. {@code extra.path}
 * names the field in error ({@code .birthday}, {@code .phone_numbers[0].phone_number}).
 */
public record ApiError(int status, String code, String title, String detail, Map<String, Object> extra) {

    public static ApiError of(ErrorCode code, String detail) {
        return new ApiError(code.status(), code.code(), code.title(), detail, Map.of());
    }

    public static ApiError at(ErrorCode code, String path, String detail) {
        return new ApiError(code.status(), code.code(), code.title(), detail, Map.of("path", path));
    }
}

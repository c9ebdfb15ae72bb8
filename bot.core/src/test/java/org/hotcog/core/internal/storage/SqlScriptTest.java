package org.hotcog.core.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlScriptTest {
    @Test
    void splitsAtSemicolonsOutsideQuotesAndComments() {
        String script = """
                -- a comment; with a semicolon
                CREATE TABLE a (v VARCHAR(10) DEFAULT 'x;y');
                /* block; comment */ INSERT INTO a VALUES ('it''s;');
                CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;
                """;
        assertThat(SqlScript.statements(script)).containsExactly(
                "CREATE TABLE a (v VARCHAR(10) DEFAULT 'x;y')",
                "INSERT INTO a VALUES ('it''s;')",
                "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql");
    }

    @Test
    void emptyStatementsAreDropped() {
        assertThat(SqlScript.statements(";;\n  ; SELECT 1 ;")).containsExactly("SELECT 1");
    }
}

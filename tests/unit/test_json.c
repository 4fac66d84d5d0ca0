/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Unit tests of json: string escaping (quotes, backslashes, every C0
 * control, DEL, C1 controls, U+2028 and U+2029, invalid UTF-8 of each kind)
 * and the layout of objects and arrays, compact and pretty.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "json.h"

/* The JSON text json_puts_string writes for s; a new string. */
static char *
json_of(const char *s)
{
	char	*out = NULL;
	size_t	 len = 0;
	FILE	*f;

	if ((f = open_memstream(&out, &len)) == NULL)
		return NULL;
	json_puts_string(f, s);
	fclose(f);
	return out;
}

/* Checks that s is written as want. */
static void
json_is(const char *name, const char *s, const char *want)
{
	char	*got = json_of(s);

	STR_EQ(name, got, want);
	free(got);
}

/* Every C0 control and DEL: the short escapes where JSON has them. */
static void
json_controls(void)
{
	char	 s[2], want[16], name[64];
	int	 c;

	for (c = 1; c < 0x20; c++) {
		s[0] = (char)c;
		s[1] = '\0';
		switch (c) {
		case '\b': strcpy(want, "\"\\b\""); break;
		case '\f': strcpy(want, "\"\\f\""); break;
		case '\n': strcpy(want, "\"\\n\""); break;
		case '\r': strcpy(want, "\"\\r\""); break;
		case '\t': strcpy(want, "\"\\t\""); break;
		default:
			snprintf(want, sizeof(want), "\"\\u%04x\"", c);
		}
		snprintf(name, sizeof(name), "json: control 0x%02x escaped", c);
		json_is(name, s, want);
	}
	json_is("json: DEL escaped", "\x7f", "\"\\u007f\"");
	json_is("json: controls inside text", "a\x01" "b\x1f" "c",
	    "\"a\\u0001b\\u001fc\"");
}

static void
json_strings(void)
{
	json_is("json: empty string", "", "\"\"");
	json_is("json: plain ASCII", "abc 123", "\"abc 123\"");
	json_is("json: quote escaped", "say \"hi\"", "\"say \\\"hi\\\"\"");
	json_is("json: backslash escaped", "a\\b", "\"a\\\\b\"");
	json_is("json: slash left alone", "a/b</script>", "\"a/b</script>\"");
	json_is("json: Japanese passed through", "規程",
	    "\"規程\"");
	json_is("json: four-byte character passed through", "\xf0\x9f\x98\x80",
	    "\"\xf0\x9f\x98\x80\"");
	/* C1 controls and the line and paragraph separators are valid
	 * UTF-8, but break JavaScript readers and terminals: escaped as
	 * \uXXXX, whole characters, never cut into bytes. */
	json_is("json: C1 control U+0085 escaped", "a\xc2\x85z",
	    "\"a\\u0085z\"");
	json_is("json: C1 control U+0080 escaped", "\xc2\x80",
	    "\"\\u0080\"");
	json_is("json: C1 control U+009F escaped", "\xc2\x9f",
	    "\"\\u009f\"");
	json_is("json: U+00A0 after C1 passed through", "\xc2\xa0",
	    "\"\xc2\xa0\"");
	json_is("json: U+2028 escaped", "a\xe2\x80\xa8z",
	    "\"a\\u2028z\"");
	json_is("json: U+2029 escaped", "\xe2\x80\xa9",
	    "\"\\u2029\"");
	json_is("json: U+FFFD itself passed through", "\xef\xbf\xbd",
	    "\"\xef\xbf\xbd\"");
	json_is("json: U+10FFFF passed through", "\xf4\x8f\xbf\xbf",
	    "\"\xf4\x8f\xbf\xbf\"");
}

/* Invalid UTF-8: every byte that is not part of a valid sequence is U+FFFD. */
static void
json_invalid(void)
{
#define FFFD "\xef\xbf\xbd"
	json_is("json: lone continuation byte", "a\x80z", "\"a" FFFD "z\"");
	json_is("json: lone 0xff", "\xff", "\"" FFFD "\"");
	json_is("json: 0xfe", "\xfe", "\"" FFFD "\"");
	json_is("json: overlong NUL (c0 80)", "\xc0\x80", "\"" FFFD FFFD "\"");
	json_is("json: overlong slash (c1 af)", "\xc1\xaf", "\"" FFFD FFFD "\"");
	json_is("json: overlong three bytes (e0 80 af)", "\xe0\x80\xaf",
	    "\"" FFFD FFFD FFFD "\"");
	json_is("json: overlong four bytes (f0 80 80 af)", "\xf0\x80\x80\xaf",
	    "\"" FFFD FFFD FFFD FFFD "\"");
	json_is("json: surrogate U+D800", "\xed\xa0\x80",
	    "\"" FFFD FFFD FFFD "\"");
	json_is("json: surrogate U+DFFF", "\xed\xbf\xbf",
	    "\"" FFFD FFFD FFFD "\"");
	json_is("json: past U+10FFFF (f4 90 80 80)", "\xf4\x90\x80\x80",
	    "\"" FFFD FFFD FFFD FFFD "\"");
	json_is("json: five-byte form (f8)", "\xf8\x88\x80\x80\x80",
	    "\"" FFFD FFFD FFFD FFFD FFFD "\"");
	json_is("json: sequence cut by the end", "a\xe8\xa6",
	    "\"a" FFFD FFFD "\"");
	json_is("json: sequence cut by ASCII", "\xe8\xa6z",
	    "\"" FFFD FFFD "z\"");
	json_is("json: sequence cut by a quote", "\xe8\"",
	    "\"" FFFD "\\\"\"");
	json_is("json: valid after invalid", "\xff規", "\"" FFFD "規\"");
#undef FFFD
}

/* The layout of a small document, compact and pretty. */
static void
json_layout(void)
{
	struct json	 j;
	char		*out = NULL;
	size_t		 len = 0;
	FILE		*f;
	int		 pretty;
	static const char *const want[2] = {
		"{\"a\":1,\"b\":[true,null,\"x\\n\"],\"c\":{},\"d\":[],"
		    "\"e\":-9223372036854775808}\n",
		"{\n  \"a\": 1,\n  \"b\": [\n    true,\n    null,\n    \"x\\n\"\n"
		    "  ],\n  \"c\": {},\n  \"d\": [],\n"
		    "  \"e\": -9223372036854775808\n}\n",
	};

	for (pretty = 0; pretty < 2; pretty++) {
		if ((f = open_memstream(&out, &len)) == NULL)
			return;
		json_init(&j, f, pretty);
		json_object_begin(&j);
		json_key(&j, "a");
		json_int(&j, 1);
		json_key(&j, "b");
		json_array_begin(&j);
		json_bool(&j, 1);
		json_string(&j, NULL);
		json_string(&j, "x\n");
		json_array_end(&j);
		json_key(&j, "c");
		json_object_begin(&j);
		json_object_end(&j);
		json_key(&j, "d");
		json_array_begin(&j);
		json_array_end(&j);
		json_key(&j, "e");
		json_int(&j, INT64_MIN);
		json_object_end(&j);
		json_finish(&j);
		fclose(f);
		STR_EQ(pretty ? "json: pretty layout" : "json: compact layout",
		    out, want[pretty]);
		free(out);
		out = NULL;
	}
}

/* The key is escaped like any string. */
static void
json_keys(void)
{
	struct json	 j;
	char		*out = NULL;
	size_t		 len = 0;
	FILE		*f;

	if ((f = open_memstream(&out, &len)) == NULL)
		return;
	json_init(&j, f, 0);
	json_object_begin(&j);
	json_key(&j, "k\"\x01\xff");
	json_string(&j, "v");
	json_object_end(&j);
	json_finish(&j);
	fclose(f);
	STR_EQ("json: keys escaped", out,
	    "{\"k\\\"\\u0001\xef\xbf\xbd\":\"v\"}\n");
	free(out);
}

void
test_json(void)
{
	json_controls();
	json_strings();
	json_invalid();
	json_layout();
	json_keys();
}

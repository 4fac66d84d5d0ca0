/*
 * Copyright (c) 2026 the kitei authors. ISC licence (see LICENSE).
 *
 * Fonts: a private fontconfig holding only the fonts kitei is told to use,
 * and the Pango context set up on it.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>

#include "../ascii.h"
#include "typeset_int.h"
#include "fonts.h"

/* The fonts of fonts-noto-cjk, used when no font folder is given. */
static const char *const ts_default_fonts[] = {
	"/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
	"/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc",
	"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
	"/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
};

#define TS_FONTDIR	"/usr/share/fonts/opentype/noto"
#define TS_FONTCACHE	"/var/cache/fontconfig"

/*
 * Orders folder entries by the bytes of their names, for scandir: alphasort
 * follows LC_COLLATE, and the order fonts are added in picks the fallback.
 */
static int
typeset_fonts_order(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/*
 * The private fontconfig: only the fonts kitei is told to use, so that the
 * output never depends on what else is installed.  Returns 0, or -1 with a
 * diagnostic.
 */
int
typeset_fonts(struct ts_ctx *c, const char *fontdir)
{
	struct buf	 x = { NULL, 0, 0 };
	struct dirent	**ents = NULL;
	const char	*p;
	int		 n;
	FcConfig	*cfg;
	FcFontSet	*set;
	cairo_font_options_t *fo;
	size_t		 i;

	cfg = FcConfigCreate();
	if (fontdir != NULL) {
		/* A folder of ours: its font files, in name order, no cache. */
		n = scandir(fontdir, &ents, NULL, typeset_fonts_order);
		for (i = 0; n > 0 && i < (size_t)n; i++) {
			p = strrchr(ents[i]->d_name, '.');
			if (p != NULL && (ascii_strcasecmp(p, ".ttf") == 0 ||
			    ascii_strcasecmp(p, ".otf") == 0 ||
			    ascii_strcasecmp(p, ".ttc") == 0 ||
			    ascii_strcasecmp(p, ".otc") == 0)) {
				buf_printf(&x, "%s/%s", fontdir, ents[i]->d_name);
				FcConfigAppFontAddFile(cfg, (const FcChar8 *)x.data);
				x.len = 0;
			}
			free(ents[i]);
		}
		free(ents);
		buf_free(&x);
		set = FcConfigGetFonts(cfg, FcSetApplication);
	} else {
		/*
		 * The Noto CJK files of the system's folder, through its font
		 * cache (scanning the collections costs a tenth of a second);
		 * without a usable cache, the files one by one.
		 */
		buf_puts(&x, "<?xml version=\"1.0\"?><fontconfig><cachedir>"
		    TS_FONTCACHE "</cachedir><dir>" TS_FONTDIR "</dir>"
		    "<selectfont><acceptfont><glob>" TS_FONTDIR "/Noto*CJK*"
		    "</glob></acceptfont><rejectfont><glob>*</glob></rejectfont>"
		    "</selectfont></fontconfig>");
		if (FcConfigParseAndLoadFromMemory(cfg, (const FcChar8 *)x.data, FcFalse))
			FcConfigBuildFonts(cfg);
		buf_free(&x);
		set = FcConfigGetFonts(cfg, FcSetSystem);
		if (set == NULL || set->nfont == 0) {
			FcConfigDestroy(cfg);
			cfg = FcConfigCreate();
			for (i = 0; i < sizeof(ts_default_fonts) /
			    sizeof(ts_default_fonts[0]); i++)
				FcConfigAppFontAddFile(cfg, (const FcChar8 *)ts_default_fonts[i]);
			set = FcConfigGetFonts(cfg, FcSetApplication);
		}
	}
	if (set == NULL || set->nfont == 0) {
		diag_msg(c->d, NULL, MSG_FONTS,
		    fontdir ? fontdir : "/usr/share/fonts/opentype/noto");
		FcConfigDestroy(cfg);
		return -1;
	}
	c->fm = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	pango_fc_font_map_set_config((PangoFcFontMap *)c->fm, cfg);	/* no checked cast: it needs pangoft2 at link time */
	FcConfigDestroy(cfg);		/* the font map holds its own reference */
	pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(c->fm), 72);
	c->pc = pango_font_map_create_context(c->fm);
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(c->pc, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_round_glyph_positions(c->pc, FALSE);
	pango_context_set_language(c->pc, pango_language_from_string("ja-jp"));
	return 0;
}

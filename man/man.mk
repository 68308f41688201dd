# man/man.mk — the man pages (mdoc, linted by tests/e2e/t-man.sh) and how
# `make install` copies them.  Included by the top Makefile; install_man and
# uninstall_man are expanded inside its install and uninstall recipes.
MANDIR ?= $(PREFIX)/share/man
MAN1 := $(sort $(wildcard man/*.1))
MAN3 := $(sort $(wildcard man/*.3))
MAN7 := $(sort $(wildcard man/*.7))

define install_man
	install -d $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man3 $(DESTDIR)$(MANDIR)/man7
	install -m 644 $(MAN1) $(DESTDIR)$(MANDIR)/man1/
	install -m 644 $(MAN3) $(DESTDIR)$(MANDIR)/man3/
	install -m 644 $(MAN7) $(DESTDIR)$(MANDIR)/man7/
endef

define uninstall_man
	rm -f $(patsubst man/%,$(DESTDIR)$(MANDIR)/man1/%,$(MAN1)) \
	    $(patsubst man/%,$(DESTDIR)$(MANDIR)/man3/%,$(MAN3)) \
	    $(patsubst man/%,$(DESTDIR)$(MANDIR)/man7/%,$(MAN7))
endef

# completions/completions.mk — where `make install` puts the shell
# completions: each in the folder its shell searches under PREFIX/share
# (bash-completion's, zsh's vendor-completions, fish's vendor_completions.d).
# Tested by tests/e2e/t-completion.sh.
DATADIR ?= $(PREFIX)/share
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
ZSHCOMPDIR ?= $(DATADIR)/zsh/vendor-completions
FISHCOMPDIR ?= $(DATADIR)/fish/vendor_completions.d

define install_completions
	install -d $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	install -m 644 completions/docket.bash $(DESTDIR)$(BASHCOMPDIR)/docket
	install -m 644 completions/_docket $(DESTDIR)$(ZSHCOMPDIR)/_docket
	install -m 644 completions/docket.fish $(DESTDIR)$(FISHCOMPDIR)/docket.fish
endef

define uninstall_completions
	rm -f $(DESTDIR)$(BASHCOMPDIR)/docket $(DESTDIR)$(ZSHCOMPDIR)/_docket \
	    $(DESTDIR)$(FISHCOMPDIR)/docket.fish
endef

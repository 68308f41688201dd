# debian/deb.mk — `make deb`: the Debian packages docket, libdocket0 and
# libdocket-dev of this build, in $(B)/deb (debian/build-debs), then
# lintian on them: its output is shown, and an error (E:) fails the target.
.PHONY: deb
deb: all
	@scripts/install-deps deb
	@rm -rf $(B)/deb
	debian/build-debs $(B) $(B)/deb
	@lintian --tag-display-limit 0 $(B)/deb/*.deb 2>&1 | grep -v '^running with root' | tee $(B)/deb/lintian.log
	@! grep -q '^E:' $(B)/deb/lintian.log

def log = new File(basedir, 'build.log').text
assert log.contains('exactline: skipped (exactline.skip)')
assert !new File(basedir, 'target/exactline').exists()
return true

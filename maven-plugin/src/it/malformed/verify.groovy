// The build failed with an error that names the property file, line and column.
def log = new File(basedir, 'build.log').text

assert log.contains('[ERROR] ERROR proof ACASXU_run2a_3_3_batch_2000.onnx / properties/broken.vnnlib')
assert log =~ /reason: +\S*properties\/broken\.vnnlib:9:\d+: /
assert log.contains('1 proof: 0 passed, 0 failed, 0 unproved, 1 error')
assert log.contains('BUILD FAILURE')
return true

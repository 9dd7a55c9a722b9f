from modelicense.entry import run

run()
